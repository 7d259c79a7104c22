package io.ltvcascade.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up while a large answer is being written (a timeout, a load generator stopping) is routine: it
 * must not log an ERROR with a stack trace. Answers of the size that fills the socket's buffers need more customers
 * per request than the other tests allow.
 */
@QuarkusTest
@TestProfile(ClientHangUpTest.LargeRequests.class)
class ClientHangUpTest extends ApiTestSupport {

    public static final class LargeRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ltv.serving.max-customers", String.valueOf(TrainedArtifacts.ROWS));
        }
    }

    @Test
    void shouldLogAClientThatHungUpMidAnswerWithoutAnError() throws Exception {
        String key = servedModel().key();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger("io.ltvcascade.api.common.ProblemMapper");
        Level level = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.setFilter(record -> records.add(record)); // sees every record the logger publishes
        try {
            byte[] csv = TrainedArtifacts.csv().getBytes(StandardCharsets.UTF_8);
            // the reset must reach the server while it still writes the answer: it does in about one try of three
            for (int attempt = 0; attempt < 40 && records.isEmpty(); attempt++) {
                hangUpWhileAnswered(key, csv);
                for (int wait = 0; wait < 20 && records.isEmpty(); wait++) {
                    Thread.sleep(50);
                }
            }
        } finally {
            logger.setFilter(null);
            logger.setLevel(level);
        }
        assertEquals(1, records.size(), "one log record about the hang-up: " + records);
        LogRecord record = records.get(0);
        assertTrue(record.getLevel().intValue() < Level.INFO.intValue(), "logged below INFO: " + record.getLevel());
        assertTrue(record.getMessage().contains("closed the connection before its answer was written"),
                record.getMessage());
    }

    /**
     * Sends a predict for every customer of the slice (an answer of about 800 KB), waits for its first byte and
     * resets the connection.
     */
    private static void hangUpWhileAnswered(String key, byte[] csv) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/models/ltv/versions/1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Type: text/csv\r\nContent-Length: " + csv.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(csv);
            out.flush();
            assertTrue(socket.getInputStream().read() >= 0, "the answer started");
            socket.setSoLinger(true, 0); // close with a reset, as a client that gives up does
        }
    }
}
