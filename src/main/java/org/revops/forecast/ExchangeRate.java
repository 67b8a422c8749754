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

/** One unit of {@code currency} = {@code rate} units of the workspace currency from {@code effectiveDate} on. */
@Entity
@Table(name = "exchange_rates")
public class ExchangeRate extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String currency;
    public LocalDate effectiveDate;
    public BigDecimal rate;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
