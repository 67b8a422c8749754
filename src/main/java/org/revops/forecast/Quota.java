package org.revops.forecast;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "quotas")
public class Quota extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String periodId;
    public String periodKind;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public UUID userId;
    public UUID territoryId;
    public BigDecimal amount;
    public String note;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
