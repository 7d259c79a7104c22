package io.ltvcascade.api.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's named model: its type and full training configuration (every default filled in). */
@Entity
@Table(name = "models")
public class Model {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long tenantId;
    public String name;
    public String modelType;

    @JdbcTypeCode(SqlTypes.JSON)
    public String config;

    public Instant createdAt;
}
