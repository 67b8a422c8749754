package org.revops.platform.demo;

import org.junit.jupiter.api.Test;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoLeadGenerator.LeadRow;
import org.revops.platform.demo.DemoLeadGenerator.Leads;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoLeadGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final DemoDataGenerator.Dataset DATA = DemoDataGenerator.generate(DemoSeeder.SEED,
            DemoDataGenerator.Sizes.demo(), TODAY);
    private static final Leads LEADS = DemoLeadGenerator.generate(DemoSeeder.SEED, DATA, TODAY, 4000);
    private static final Map<UUID, OpportunityRow> DEALS = new HashMap<>();

    static {
        LEADS.deals().forEach(deal -> DEALS.put(deal.id(), deal));
    }

    /** won (converted, deal closed won), lost (disqualified, or deal closed lost) or open, as the model reads it. */
    private static String outcome(LeadRow lead) {
        if (lead.status().equals("disqualified")) {
            return "lost";
        }
        OpportunityRow deal = lead.convertedOpportunityId() == null ? null : DEALS.get(lead.convertedOpportunityId());
        int open = DemoDataGenerator.OPEN_STAGES[0];
        if (deal == null || deal.stageIndex() < open) {
            return "open";
        }
        return deal.stageIndex() == open ? "won" : "lost";
    }

    private static double winRate(Predicate<LeadRow> which) {
        List<String> outcomes = LEADS.leads().stream().filter(which).map(DemoLeadGeneratorTest::outcome)
                .filter(o -> !o.equals("open")).toList();
        return outcomes.stream().filter("won"::equals).count() / (double) outcomes.size();
    }

    @Test
    void theSameSeedGivesTheSameLeads() {
        assertEquals(LEADS, DemoLeadGenerator.generate(DemoSeeder.SEED, DATA, TODAY, 4000));
        assertEquals(4000, LEADS.leads().size());
    }

    @Test
    void everyLeadsLifecycleIsConsistent() {
        for (LeadRow lead : LEADS.leads()) {
            assertEquals(lead.status().equals("converted"), lead.convertedAt() != null, lead.toString());
            assertEquals(lead.status().equals("disqualified"), lead.disqualifiedReason() != null, lead.toString());
            assertTrue(!lead.createdAt().toLocalDate().isAfter(TODAY), lead.toString());
            if (lead.status().equals("converted")) {
                OpportunityRow deal = DEALS.get(lead.convertedOpportunityId());
                assertNotNull(deal, lead.toString());
                assertEquals(lead.convertedAccountId(), deal.accountId());
                assertEquals(lead.convertedContactId(), deal.contactId());
                assertTrue(lead.createdAt().isBefore(lead.convertedAt()) || lead.createdAt().toLocalDate()
                        .equals(lead.convertedAt().toLocalDate()), lead.toString());
            } else {
                assertNull(lead.convertedOpportunityId());
            }
            if (lead.lastEngagedAt() != null && !lead.status().matches("new|working|nurturing|qualified")) {
                assertTrue(!lead.lastEngagedAt().isAfter(lead.updatedAt().plusHours(12)), lead.toString());
            }
        }
        assertEquals(LEADS.deals().size(), LEADS.stories().size());
        assertEquals(LEADS.deals().size(), LEADS.contacts().size());
    }

    @Test
    void theHistoryIsEnoughToTrainAndItsWinnersHaveTheExpectedTraits() {
        long won = LEADS.leads().stream().filter(l -> outcome(l).equals("won")).count();
        long lost = LEADS.leads().stream().filter(l -> outcome(l).equals("lost")).count();
        long open = LEADS.leads().stream().filter(l -> outcome(l).equals("open")).count();
        assertTrue(won >= 300 && lost >= 1000 && open >= 500, won + " won, " + lost + " lost, " + open + " open");
        assertTrue(LEADS.leads().stream().anyMatch(l -> l.ownerId() == null), "some leads wait for routing");
        assertTrue(LEADS.leads().stream().anyMatch(l -> l.status().equals("converted") && outcome(l).equals("open")),
                "some converted leads have a deal still open");

        assertTrue(winRate(l -> l.source().equals("partner-referral")) > 2 * winRate(l -> l.source().equals("outbound")));
        assertTrue(winRate(l -> "decision-maker".equals(l.authority())) > 2 * winRate(l -> "user".equals(l.authority())));
        assertTrue(winRate(l -> "approved".equals(l.budgetStatus())) > 2 * winRate(l -> "none".equals(l.budgetStatus())));
    }
}
