package io.ltvcascade.api.common;

import io.ltvcascade.api.auth.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs: the first response is stored in the creating transaction and
 * replayed for every repeat of the same key by the same tenant (or operator); reusing a key for another call is 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    // uploads write every block in the creating transaction; give big ones time
    private static final int CREATE_TIMEOUT_SECONDS = 3600;

    private final EntityManager em;
    private final Caller caller;
    private final Json json;

    public Idempotency(EntityManager em, Caller caller, Json json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
    }

    /** Runs {@code work} and answers 201, or replays the stored answer when {@code key} was seen before. */
    public Response create(String key, String requestLine, Supplier<Created> work) {
        return replay(key, requestLine).orElseGet(() -> firstTime(key, requestLine, work));
    }

    /** The stored answer for {@code key}, if this caller used it before. */
    public Optional<Response> replay(String key, String requestLine) {
        if (key == null) {
            return Optional.empty();
        }
        validate(key);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_line, response_status, response_body, location "
                        + "FROM idempotency_records WHERE owner = ?1 AND idempotency_key = ?2")
                .setParameter(1, caller.owner()).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!requestLine.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key '" + key
                    + "' was used for '" + row[0] + "'; use a new key for '" + requestLine + "'", "field", HEADER);
        }
        Response.ResponseBuilder response = Response.status((Integer) row[1]).header(REPLAYED_HEADER, "true")
                .type("application/json").entity(row[2]);
        if (row[3] != null) {
            response.location(URI.create((String) row[3]));
        }
        return Optional.of(response.build());
    }

    private Response firstTime(String key, String requestLine, Supplier<Created> work) {
        Created created = QuarkusTransaction.requiringNew().timeout(CREATE_TIMEOUT_SECONDS).call(() -> {
            Created result = work.get();
            if (key != null) {
                remember(key, requestLine, result);
            }
            return result;
        });
        return Response.created(created.location()).entity(created.body()).build();
    }

    private void remember(String key, String requestLine, Created created) {
        em.createNativeQuery("INSERT INTO idempotency_records (owner, idempotency_key, request_line, response_status, "
                        + "response_body, location) VALUES (?1, ?2, ?3, 201, ?4, ?5)")
                .setParameter(1, caller.owner()).setParameter(2, key).setParameter(3, requestLine)
                .setParameter(4, json.write(storedBody(created.body()))).setParameter(5, created.location().toString())
                .executeUpdate();
    }

    // a secret is shown once: a replayed key creation returns the key without it
    private static Object storedBody(Object body) {
        return body instanceof Redactable r ? r.redacted() : body;
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(HEADER + " must be 1-" + MAX_KEY_LENGTH + " characters", "field", HEADER);
        }
    }
}
