package io.ltvcascade.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** There is no Docker engine here, so the compose file is checked by parsing it against what the app reads. */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("ltv.project.root", "..")).toAbsolutePath();

    @Test
    void shouldRunPostgresApiWorkersAndSchedulersConfiguredByEnvironmentOnly() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        assertTrue(services.has("postgres") && services.has("api") && services.has("worker") && services.has("scheduler"),
                "postgres, api, worker, scheduler");

        JsonNode api = services.get("api");
        JsonNode env = api.get("environment");
        assertEquals("jdbc:postgresql://postgres:5432/ltv", env.get("LTV_DB_URL").asText());
        assertTrue(env.has("LTV_DB_USER") && env.has("LTV_DB_PASSWORD") && env.has("LTV_ADMIN_KEY"));
        assertEquals("service_healthy", api.at("/depends_on/postgres/condition").asText());
        assertTrue(Files.isRegularFile(ROOT.resolve(api.at("/build/dockerfile").asText())), "api Dockerfile exists");
        JsonNode worker = services.get("worker");
        assertEquals(env.get("LTV_DB_URL"), worker.at("/environment/LTV_DB_URL"));
        assertTrue(Files.isRegularFile(ROOT.resolve(worker.at("/build/dockerfile").asText())), "worker Dockerfile exists");
        JsonNode scheduler = services.get("scheduler");
        assertEquals(env.get("LTV_DB_URL"), scheduler.at("/environment/LTV_DB_URL"));
        assertTrue(Files.isRegularFile(ROOT.resolve(scheduler.at("/build/dockerfile").asText())), "scheduler Dockerfile exists");
        assertEquals("ltv", services.at("/postgres/environment/POSTGRES_DB").asText());
        assertEquals("ltv", services.at("/postgres/environment/POSTGRES_USER").asText());
    }

    @Test
    void shouldDocumentEveryVariableTheComposeFileSets() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> undocumented = new ArrayList<>();
        for (String service : List.of("api", "worker", "scheduler")) {
            compose.get("services").get(service).get("environment").fieldNames().forEachRemaining(name -> {
                if (!readme.contains(name)) {
                    undocumented.add(name);
                }
            });
        }
        assertTrue(undocumented.isEmpty(), "README configuration table lacks " + undocumented);
    }
}
