package org.revops.platform.demo;

import org.junit.jupiter.api.Test;
import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoDataGenerator.Sizes;
import org.revops.platform.demo.DemoDataGenerator.UserRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        Dataset first = DemoDataGenerator.generate(7, Sizes.demo(), TODAY);
        assertEquals(first, DemoDataGenerator.generate(7, Sizes.demo(), TODAY));
        assertNotEquals(first.opportunities(), DemoDataGenerator.generate(8, Sizes.demo(), TODAY).opportunities());
    }

    @Test
    void theDemoHasTheAdvertisedShape() {
        Dataset data = DemoDataGenerator.generate(DemoSeeder.SEED, Sizes.demo(), TODAY);
        assertEquals(20, data.users().size());
        assertEquals(500, data.accounts().size());
        assertEquals(2000, data.opportunities().size());
        assertTrue(data.contacts().size() >= 500, "every account has a contact");

        // one root, everybody else reports to a user of the dataset
        Set<UUID> userIds = data.users().stream().map(UserRow::id).collect(Collectors.toSet());
        assertEquals(1, data.users().stream().filter(u -> u.managerId() == null).count());
        assertTrue(data.users().stream().allMatch(u -> u.managerId() == null || userIds.contains(u.managerId())));

        assertTrue(data.accounts().stream().map(a -> a.industry()).distinct().count() >= 8);
        assertTrue(data.accounts().stream().map(a -> a.region()).distinct().count() >= 3);
        Set<UUID> accountIds = data.accounts().stream().map(a -> a.id()).collect(Collectors.toSet());
        assertTrue(data.opportunities().stream().allMatch(o -> accountIds.contains(o.accountId())));
        assertEquals(data.opportunities().size(),
                new HashSet<>(data.opportunities().stream().map(OpportunityRow::id).toList()).size(), "unique ids");
    }

    @Test
    void datesSpanAYearEachWayAndPastDealsAreMostlyClosed() {
        List<OpportunityRow> deals = DemoDataGenerator.generate(DemoSeeder.SEED, Sizes.demo(), TODAY).opportunities();
        assertTrue(deals.stream().allMatch(o -> !o.closeDate().isBefore(TODAY.minusDays(365))
                && o.closeDate().isBefore(TODAY.plusDays(366))));
        List<OpportunityRow> past = deals.stream().filter(o -> o.closeDate().isBefore(TODAY)).toList();
        long closed = past.stream().filter(o -> o.stageIndex() >= DemoDataGenerator.OPEN_STAGES[o.pipeline()]).count();
        assertTrue(closed > past.size() * 0.75 && closed < past.size() * 0.95, "about 85% of past deals are closed");
        assertTrue(deals.stream().filter(o -> !o.closeDate().isBefore(TODAY))
                .allMatch(o -> o.stageIndex() < DemoDataGenerator.OPEN_STAGES[o.pipeline()]), "future deals are open");
    }

    @Test
    void amountsAreLogNormalAroundTheTierMedian() {
        Dataset data = DemoDataGenerator.generate(DemoSeeder.SEED, Sizes.forOpportunities(20_000), TODAY);
        Map<UUID, String> tier = data.accounts().stream().collect(Collectors.toMap(a -> a.id(), a -> a.tier()));
        List<BigDecimal> tierA = data.opportunities().stream().filter(o -> tier.get(o.accountId()).equals("A"))
                .map(OpportunityRow::amount).sorted().toList();
        double median = tierA.get(tierA.size() / 2).doubleValue();
        assertTrue(median > 50_000 && median < 72_000, "tier A median near 60,000 but was " + median);
        double mean = tierA.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        assertTrue(mean > median * 1.2, "right-skewed: mean " + mean + " above median " + median);
        assertTrue(data.opportunities().stream().allMatch(o -> o.amount().signum() > 0));
    }
}
