package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every way an upload can be refused: the problem+json names what is wrong, and nothing is stored. */
@QuarkusTest
class DatasetUploadErrorsTest extends ApiTestSupport {

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // description, csv, extra query params, status, problem type, line, column, detail fragment
                Arguments.of("label column missing", "id,amount\na,1\n", Map.of(), 422, "bad-header", 1, "value", "label column"),
                Arguments.of("duplicate header", "id,value,x,x\na,1,2,3\n", Map.of(), 422, "bad-header", 1, "x", "twice"),
                Arguments.of("blank header", "id,value,\na,1,2\n", Map.of(), 422, "bad-header", 1, null, "blank"),
                Arguments.of("empty file", "", Map.of(), 422, "empty-file", null, null, "empty"),
                Arguments.of("header only", "id,value\n", Map.of(), 422, "empty-file", 2, null, "no data rows"),
                Arguments.of("ragged row", "id,value,x\na,1,2\nb,2\n", Map.of(), 422, "malformed-row", 3, null, "fields"),
                Arguments.of("broken quoting", "id,value\na,1\n\"b,2\n", Map.of(), 422, "malformed-row", 3, null, "malformed"),
                Arguments.of("negative label", "id,value\na,1\nb,-3\n", Map.of(), 422, "bad-label", 3, "value", "negative"),
                Arguments.of("text label", "id,value\na,1\nb,lots\n", Map.of(), 422, "bad-label", 3, "value", "lots"),
                Arguments.of("missing label", "id,value\na,\n", Map.of(), 422, "bad-label", 2, "value", "missing"),
                Arguments.of("NaN label", "id,value\na,NaN\n", Map.of(), 422, "bad-label", 2, "value", "NaN"),
                Arguments.of("NaN feature", "id,value,x\na,1,2\nb,1,NaN\n", Map.of(), 422, "not-numeric", 3, "x", "NaN"),
                Arguments.of("text in numeric column", "id,value,x\na,1,2\nb,1,abc\n", Map.of("numeric", "x"), 422,
                        "not-numeric", 3, "x", "abc"),
                Arguments.of("duplicate id", "id,value\na,1\nb,2\na,3\n", Map.of(), 422, "bad-id", 4, "id", "twice"),
                Arguments.of("empty id", "id,value\na,1\n,2\n", Map.of(), 422, "bad-id", 3, "id", "empty"),
                Arguments.of("role for unknown column", "id,value\na,1\n", Map.of("categorical", "nope"), 400,
                        "unknown-column", 1, "nope", "not in the header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void shouldRefuseABadFileNamingWhereAndStoreNothing(String description, String csv, Map<String, String> params,
            int status, String type, Integer line, String column, String detail) throws SQLException {
        String key = newTenantKey("train");
        var request = DatasetUploadTest.upload(key, "bad", csv, "id", "value");
        params.forEach(request::queryParam);
        ValidatableResponse response = request.post("/api/v1/datasets").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/" + type))
                .body("status", equalTo(status))
                .body("instance", equalTo("/api/v1/datasets"))
                .body("detail", containsString(detail));
        response.body("line", line == null ? nullValue() : equalTo(line));
        response.body("column", column == null ? nullValue() : equalTo(column));
        assertNothingStored(key);
    }

    @Test
    void shouldRequireNameIdAndLabelParameters() throws SQLException {
        String key = newTenantKey("train");
        DatasetUploadTest.upload(key, null, "id,value\na,1\n", "id", "value").post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("name"));
        DatasetUploadTest.upload(key, "x", "id,value\na,1\n", null, "value").post("/api/v1/datasets")
                .then().statusCode(400).body("field", equalTo("id_column"));
        DatasetUploadTest.upload(key, "x", "id,value\na,1\n", "id", null).post("/api/v1/datasets")
                .then().statusCode(400).body("field", equalTo("label_column"));
        DatasetUploadTest.upload(key, "x", "id,value\na,1\n", "id", "value").queryParam("numeric", "v")
                .queryParam("categorical", "v").post("/api/v1/datasets")
                .then().statusCode(400).body("detail", containsString("two roles"));
        DatasetUploadTest.upload(key, "x", "id,value\na,1\n", "id", "id").post("/api/v1/datasets")
                .then().statusCode(400).body("type", equalTo("/problems/unknown-column")).body("detail", containsString("differ"));
        assertNothingStored(key);
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() throws SQLException {
        String key = newTenantKey("train");
        byte[] big = bigCsv(8_100_000);
        as(key).contentType("text/csv").body(big).queryParam("name", "big").queryParam("id_column", "id")
                .queryParam("label_column", "value").post("/api/v1/datasets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/too-large")).body("detail", containsString("8000000"));
        assertNothingStored(key);
    }

    @Test
    void shouldAnswer413WhenAGzipBodyInflatesOverTheLimit() throws IOException, SQLException {
        String key = newTenantKey("train");
        byte[] bomb = DatasetUploadTest.gzip(bigCsv(9_000_000));
        as(key).contentType("application/gzip").body(bomb).queryParam("name", "bomb").queryParam("id_column", "id")
                .queryParam("label_column", "value").post("/api/v1/datasets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("after decompression"));
        assertNothingStored(key);
    }

    @Test
    void shouldAnswer422ForCorruptGzip() throws IOException, SQLException {
        String key = newTenantKey("train");
        byte[] gz = DatasetUploadTest.gzip("id,value\na,1\nb,2\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        long spoolFiles = spoolFiles();
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        byte[] headerCut = {0x1f, (byte) 0x8b, 0x08, 'x'};
        byte[] badHeader = {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0, 'x'};
        for (byte[] broken : List.of(truncated, headerCut, badHeader)) {
            as(key).contentType("application/gzip").body(broken).queryParam("name", "broken")
                    .queryParam("id_column", "id").queryParam("label_column", "value").post("/api/v1/datasets")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("/problems/unreadable")).body("title", equalTo("Invalid dataset"));
        }
        assertNothingStored(key);
        assertEquals(spoolFiles, spoolFiles(), "every upload's temporary copy is deleted");
    }

    private static long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ltv-upload-")).count();
        }
    }

    @Test
    void shouldAnswer415ForAnUnsupportedMediaType() throws SQLException {
        String key = newTenantKey("train");
        as(key).contentType("application/json").body("{\"id\": 1}").queryParam("name", "json")
                .queryParam("id_column", "id").queryParam("label_column", "value").post("/api/v1/datasets")
                .then().statusCode(415).contentType("application/problem+json");
        assertNothingStored(key);
    }

    @Test
    void shouldAnswer400ForAMultipartBodyThatIsNotMultipart() throws SQLException {
        String key = newTenantKey("train");
        byte[] body = "not multipart at all".getBytes(StandardCharsets.UTF_8);
        as(key).contentType("multipart/form-data; boundary=x").body(body).post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("the multipart body could not be read"));
        assertNothingStored(key);
    }

    private static byte[] bigCsv(int bytes) {
        StringBuilder csv = new StringBuilder("id,value\n");
        for (int i = 0; csv.length() < bytes; i++) {
            csv.append("customer-").append(i).append(",12.5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void assertNothingStored(String key) throws SQLException {
        long tenant = DatasetUploadTest.tenantOf(key);
        assertEquals(0, count("SELECT count(*) FROM datasets WHERE tenant_id = " + tenant), "datasets rows");
        assertEquals(0, count("SELECT count(*) FROM dataset_blocks WHERE tenant_id = " + tenant), "dataset blocks");
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE tenant_id = " + tenant
                + " AND action = 'dataset.upload'"), "audit rows");
    }
}
