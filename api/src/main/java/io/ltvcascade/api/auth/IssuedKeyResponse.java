package io.ltvcascade.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ltvcascade.api.common.Redactable;
import java.time.Instant;
import java.util.List;

/** A newly issued key: the only response that ever contains the secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedKeyResponse(
        long id, long tenantId, String name, String prefix, List<String> scopes, Instant createdAt, String key, String note)
        implements Redactable {

    static IssuedKeyResponse from(ApiKey k, String secret) {
        return new IssuedKeyResponse(k.id, k.tenantId, k.name, k.prefix, List.of(k.scopes.split(",")), k.createdAt, secret,
                "store this key now: it is shown only once");
    }

    @Override
    public IssuedKeyResponse redacted() {
        return new IssuedKeyResponse(id, tenantId, name, prefix, scopes, createdAt, null,
                "replayed response: the key was shown only in the first response");
    }
}
