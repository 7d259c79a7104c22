package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

/** Configs bind values of their field's JSON type only: nothing is cut, converted or ignored. */
class ModelJsonTest {

    @Test
    void shouldBindValuesOfTheRightType() throws Exception {
        ModelConfig config = read("{\"encoder_widths\": [32], \"dropout\": 0, \"training\": {\"epochs\": 3}}");

        assertEquals(3, config.training().epochs());
        assertEquals(0.0, config.dropout());
    }

    @Test
    void shouldRefuseValuesOfAnotherType() {
        for (String wrong : new String[] {"{\"training\": {\"epochs\": 2.5}}", "{\"training\": {\"epochs\": \"5\"}}",
                "{\"training\": {\"epochs\": \"\"}}", "{\"dropout\": \"0.1\"}", "{\"model_type\": 1}",
                "{\"training\": {\"device\": true}}", "{\"epochs\": 5}"}) {
            assertThrows(MismatchedInputException.class, () -> read(wrong), wrong);
        }
    }

    private static ModelConfig read(String json) throws Exception {
        return ModelJson.MAPPER.readValue(json, ModelConfig.class);
    }
}
