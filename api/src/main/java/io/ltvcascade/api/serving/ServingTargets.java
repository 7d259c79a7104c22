package io.ltvcascade.api.serving;

import io.agroal.api.AgroalDataSource;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Finds the version a predict request addresses, in the caller's tenant only: by alias or by number. Answers come
 * from {@link TargetCache} (dropped on every change, by PostgreSQL notification); a miss is one indexed query in
 * plain JDBC, cheaper than an ORM session on this path.
 */
@ApplicationScoped
public class ServingTargets {

    private static final String SELECT = "SELECT v.id, v.version, v.status "
            + "FROM models m JOIN model_versions v ON v.tenant_id = m.tenant_id AND v.model_id = m.id ";
    private static final String BY_ALIAS = SELECT + "JOIN model_aliases a ON a.tenant_id = v.tenant_id "
            + "AND a.version_id = v.id WHERE m.tenant_id = ? AND m.name = ? AND a.alias = ?";
    private static final String BY_NUMBER = SELECT + "WHERE m.tenant_id = ? AND m.name = ? AND v.version = ?";

    private final AgroalDataSource dataSource;
    private final Caller caller;
    private final TargetCache cache;

    public ServingTargets(AgroalDataSource dataSource, Caller caller, TargetCache cache) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.cache = cache;
    }

    public ServedVersion byAlias(String model, String alias) {
        Row row = cache.get(caller.tenantId() + "\u0000alias\u0000" + model + "\u0000" + alias,
                () -> query(BY_ALIAS, model, alias));
        if (row == null) {
            throw notFound(model, "alias", alias);
        }
        return row.toVersion(caller.tenantId(), model, alias);
    }

    public ServedVersion byNumber(String model, int version) {
        Row row = cache.get(caller.tenantId() + "\u0000version\u0000" + model + "\u0000" + version,
                () -> query(BY_NUMBER, model, version));
        if (row == null) {
            throw notFound(model, "version", version);
        }
        if (!"ACTIVE".equals(row.status())) {
            throw ProblemException.conflict("version " + version + " of model " + model + " is archived and serves no "
                    + "predictions; score with an active version or an alias");
        }
        return row.toVersion(caller.tenantId(), model, null);
    }

    /** 404 for the model when the tenant has none of that name, else for the alias or version. */
    private ProblemException notFound(String model, String what, Object id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM models WHERE tenant_id = ? AND name = ?")) {
            s.setLong(1, caller.tenantId());
            s.setString(2, model);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? ProblemException.notFoundInModel(what, id, model)
                        : ProblemException.notFound("model", model);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up model " + model, e);
        }
    }

    private Row query(String sql, String model, Object third) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, caller.tenantId());
            s.setString(2, model);
            s.setObject(3, third);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getInt(2), rs.getString(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve model " + model, e);
        }
    }

    private record Row(long id, int version, String status) {
        ServedVersion toVersion(long tenantId, String model, String alias) {
            return new ServedVersion(tenantId, model, id, version, alias);
        }
    }
}
