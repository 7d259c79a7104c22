package io.ltvcascade.api.dataset;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded version of a named dataset; its rows live in dataset_blocks. */
@Entity
@Table(name = "datasets")
public class Dataset {

    public static final String READY = "READY";
    public static final String DELETED = "DELETED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long tenantId;
    public String name;
    public int version;
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    public String schema;

    public long rowCount;

    @JdbcTypeCode(SqlTypes.JSON)
    public String labelStats;

    public long sizeBytes;
    public String checksum;
    public Instant createdAt;
}
