package org.revops.platform.demo;

import org.junit.jupiter.api.Test;
import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoDataGenerator.Sizes;
import org.revops.platform.demo.DemoLifecycleGenerator.DealStory;
import org.revops.platform.demo.DemoLifecycleGenerator.Lifecycle;
import org.revops.platform.demo.DemoLifecycleGenerator.Step;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoLifecycleGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Dataset DATA = DemoDataGenerator.generate(7, Sizes.demo(), TODAY);
    private static final Lifecycle LIFE = DemoLifecycleGenerator.generate(7, DATA, TODAY);
    private static final Map<java.util.UUID, OpportunityRow> DEALS = DATA.opportunities().stream()
            .collect(Collectors.toMap(OpportunityRow::id, Function.identity()));

    @Test
    void isDeterministic() {
        assertEquals(LIFE, DemoLifecycleGenerator.generate(7, DATA, TODAY));
    }

    @Test
    void everyStoryWalksForwardInTimeAndEndsInTheDealsStage() {
        assertEquals(DATA.opportunities().size(), LIFE.stories().size());
        for (DealStory story : LIFE.stories()) {
            OpportunityRow deal = DEALS.get(story.dealId());
            List<Step> steps = story.steps();
            assertEquals(0, steps.get(0).stageIndex(), "every deal starts in the first stage");
            assertEquals(deal.stageIndex(), steps.get(steps.size() - 1).stageIndex());
            assertEquals(story.createdOn(), steps.get(0).on());
            assertTrue(story.createdOn().isBefore(TODAY), "never created in the future");
            for (int i = 1; i < steps.size(); i++) {
                assertTrue(steps.get(i).stageIndex() > steps.get(i - 1).stageIndex(), "stages only move forward");
                assertTrue(!steps.get(i).on().isBefore(steps.get(i - 1).on()), "dates never go back");
            }
        }
    }

    @Test
    void closedDealsHaveAReasonAndADateWonDealsPassedTheLastOpenStage() {
        int won = 0;
        for (DealStory story : LIFE.stories()) {
            OpportunityRow deal = DEALS.get(story.dealId());
            int open = DemoDataGenerator.OPEN_STAGES[deal.pipeline()];
            if (deal.stageIndex() < open) {
                assertNull(story.closedOn());
                assertNull(story.reason());
                continue;
            }
            assertEquals(deal.closeDate(), story.closedOn());
            assertNotNull(story.reason());
            if (deal.stageIndex() == open) {
                won++;
                assertEquals(open - 1, story.steps().get(story.steps().size() - 2).stageIndex());
                assertTrue(List.of(DemoLifecycleGenerator.WIN_REASONS).contains(story.reason()));
            } else {
                assertTrue(List.of(DemoLifecycleGenerator.LOSS_REASONS).contains(story.reason()));
            }
        }
        assertTrue(won > 200, "enough won deals for the analytics: " + won);
    }

    @Test
    void activitiesFallWithinTheDealsLifeAndRepsHaveTargets() {
        Map<java.util.UUID, DealStory> stories = LIFE.stories().stream()
                .collect(Collectors.toMap(DealStory::dealId, Function.identity()));
        assertTrue(LIFE.activities().size() > DATA.opportunities().size() * 2, "about 2.5 activities per deal");
        LIFE.activities().forEach(a -> {
            DealStory story = stories.get(a.dealId());
            assertTrue(!a.on().isBefore(story.createdOn()) && a.on().isBefore(TODAY.plusDays(1)));
            assertEquals(DEALS.get(a.dealId()).ownerId(), a.ownerId());
        });
        long reps = DATA.users().stream().filter(u -> u.role().equals("rep")).count();
        assertEquals(reps * 6, LIFE.targets().size());
    }
}
