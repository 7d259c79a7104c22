package io.ltvcascade.api.tenant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer company of the platform; everything it owns is scoped by its id. */
@Entity
@Table(name = "tenants")
public class Tenant {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String displayName;
    public String status;
    public Instant createdAt;
    public Instant suspendedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
