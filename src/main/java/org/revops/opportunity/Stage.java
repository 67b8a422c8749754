package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "stages")
public class Stage extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public UUID pipelineId;
    public String name;
    public int position;
    public BigDecimal probability;
    public String forecastCategory;
    @Column(name = "is_closed")
    public boolean closed;
    @Column(name = "is_won")
    public boolean won;
    public Integer stallAfterDays;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
