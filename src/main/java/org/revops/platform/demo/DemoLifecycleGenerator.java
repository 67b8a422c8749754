package org.revops.platform.demo;

import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoDataGenerator.UserRow;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * How the demo deals got where they are: a stage path with dates (the history the funnel reads), close dates that
 * slipped, close reasons and competitors, the activities logged along the way, and the reps' activity targets.
 * Deterministic like {@link DemoDataGenerator}, and plain Java so it is unit-tested on its own.
 *
 * <p>Shape: a deal is opened 20 to 170 days before its close date (never in the future); it walks the open stages
 * in order, skipping a middle stage one time in five; a won deal walks them all before closing, a lost deal stops at
 * a random open stage; an open deal is still walking. Stage entries are spread evenly over the deal's life up to its
 * close (closed deals) or a few weeks before today (open deals), so some open deals sit long enough to stall.
 */
public final class DemoLifecycleGenerator {
    public static final String[] LOSS_REASONS = {"Price", "Lost to competitor", "No decision", "Timing",
            "Missing feature"};
    public static final String[] WIN_REASONS = {"Product fit", "Relationship", "Total cost"};
    private static final String[] COMPETITORS = {"Initech", "Hooli", "Globex CRM", "Vandelay Sales Cloud"};
    static final String[] ACTIVITY_TYPES = {"call", "email", "meeting", "visit", "demo", "proposal"};
    private static final double[] ACTIVITY_WEIGHTS = {0.30, 0.25, 0.15, 0.12, 0.10, 0.08};
    private static final String[] OUTCOMES = {"completed", "no answer", "follow-up agreed", "sent"};

    /** Entered stage {@code stageIndex} (of the deal's pipeline) on {@code on}. */
    public record Step(int stageIndex, LocalDate on) {
    }

    /**
     * @param steps             the first step is the creation; the last is the current stage (won/lost for closed)
     * @param firstCloseDate    the close date first promised, when it later slipped (a "push"); else null
     * @param reason            one of {@link #WIN_REASONS} or {@link #LOSS_REASONS}; null for open deals
     */
    public record DealStory(UUID dealId, LocalDate createdOn, List<Step> steps, LocalDate closedOn,
                            LocalDate firstCloseDate, String reason, String competitor) {
    }

    public record ActivityRow(UUID id, UUID dealId, UUID accountId, UUID ownerId, String type, String subject,
                              String outcome, LocalDate on) {
    }

    public record TargetRow(UUID userId, String period, String metric, int target) {
    }

    public record Lifecycle(List<DealStory> stories, List<ActivityRow> activities, List<TargetRow> targets) {
    }

    public static Lifecycle generate(long seed, Dataset data, LocalDate today) {
        Random random = new Random(seed * 31 + 7);
        List<DealStory> stories = new ArrayList<>(data.opportunities().size());
        List<ActivityRow> activities = new ArrayList<>();
        for (OpportunityRow deal : data.opportunities()) {
            DealStory story = story(random, deal, today);
            stories.add(story);
            LocalDate last = story.closedOn() != null ? story.closedOn() : today;
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                long span = Math.max(1, ChronoUnit.DAYS.between(story.createdOn(), last));
                String type = pick(random);
                activities.add(new ActivityRow(uuid(random), deal.id(), deal.accountId(), deal.ownerId(), type,
                        subject(type, deal.name()), OUTCOMES[random.nextInt(OUTCOMES.length)],
                        story.createdOn().plusDays(random.nextLong(span))));
            }
        }
        List<TargetRow> targets = new ArrayList<>();
        for (UserRow user : data.users()) {
            if (user.role().equals("rep")) {
                targets.add(new TargetRow(user.id(), "week", "visit", 5));
                targets.add(new TargetRow(user.id(), "week", "call", 15));
                targets.add(new TargetRow(user.id(), "week", "proposal", 2));
                targets.add(new TargetRow(user.id(), "week", "signing", 1));
                targets.add(new TargetRow(user.id(), "month", "meeting", 8));
                targets.add(new TargetRow(user.id(), "month", "demo", 4));
            }
        }
        return new Lifecycle(stories, activities, targets);
    }

    private static DealStory story(Random random, OpportunityRow deal, LocalDate today) {
        int open = DemoDataGenerator.OPEN_STAGES[deal.pipeline()];
        boolean closed = deal.stageIndex() >= open;
        boolean won = deal.stageIndex() == open;
        LocalDate created = deal.closeDate().minusDays(20 + random.nextInt(150));
        if (!created.isBefore(today)) {
            created = today.minusDays(1 + random.nextInt(30));
        }
        int lastOpen = closed ? (won ? open - 1 : random.nextInt(open)) : deal.stageIndex();
        List<Integer> path = new ArrayList<>();
        for (int s = 0; s <= lastOpen; s++) {
            boolean skip = s > 0 && s < lastOpen && random.nextDouble() < 0.2;
            if (!skip) {
                path.add(s);
            }
        }
        if (closed) {
            path.add(deal.stageIndex());
        }
        LocalDate end = closed ? deal.closeDate() : today.minusDays(random.nextInt(40));
        if (end.isBefore(created)) {
            end = created;
        }
        long span = ChronoUnit.DAYS.between(created, end);
        List<Step> steps = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            long offset = path.size() == 1 ? 0 : span * i / (path.size() - 1);
            steps.add(new Step(path.get(i), created.plusDays(offset)));
        }
        LocalDate firstClose = random.nextDouble() < 0.25 ? deal.closeDate().minusDays(14 + random.nextInt(45)) : null;
        String reason = !closed ? null : won ? WIN_REASONS[random.nextInt(WIN_REASONS.length)]
                : LOSS_REASONS[random.nextInt(LOSS_REASONS.length)];
        String competitor = closed && !won && random.nextDouble() < 0.6
                ? COMPETITORS[random.nextInt(COMPETITORS.length)] : null;
        return new DealStory(deal.id(), created, steps, closed ? deal.closeDate() : null, firstClose, reason,
                competitor);
    }

    private static String pick(Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < ACTIVITY_TYPES.length; i++) {
            r -= ACTIVITY_WEIGHTS[i];
            if (r < 0) {
                return ACTIVITY_TYPES[i];
            }
        }
        return ACTIVITY_TYPES[0];
    }

    private static String subject(String type, String deal) {
        return switch (type) {
            case "call" -> "Call about " + deal;
            case "email" -> "Follow-up e-mail: " + deal;
            case "meeting" -> "Meeting on " + deal;
            case "visit" -> "On-site visit for " + deal;
            case "demo" -> "Product demo for " + deal;
            default -> "Proposal sent for " + deal;
        };
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
