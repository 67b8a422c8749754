package org.revops.opportunity;

import java.math.BigDecimal;
import java.util.UUID;

/** What a write needs to know of a stage: its pipeline, its defaults and whether it closes the deal. */
record StageFacts(UUID id, UUID pipelineId, BigDecimal probability, ForecastCategory forecastCategory, boolean closed,
                  boolean won) {
}
