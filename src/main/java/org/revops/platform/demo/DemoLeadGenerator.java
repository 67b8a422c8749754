package org.revops.platform.demo;

import org.revops.platform.demo.DemoDataGenerator.AccountRow;
import org.revops.platform.demo.DemoDataGenerator.ContactRow;
import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoDataGenerator.UserRow;
import org.revops.platform.demo.DemoLifecycleGenerator.DealStory;
import org.revops.platform.demo.DemoLifecycleGenerator.Step;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo's leads with a conversion history: deterministic like {@link DemoDataGenerator} and plain Java.
 *
 * <p>Each lead comes from one of the demo's accounts (its firmographics), over a channel, with BANT answers and
 * engagement, created up to 540 days ago. Whether it is won follows a hidden propensity, so a model trained on the
 * history finds sensible factors:
 * <pre>
 *   logit = −1.2 + channel + authority + budget + timeline + 0.3·[form fills ≥ 2] + 0.3·[events ≥ 1]
 *   channel:   partner-referral +1.4, trade-show +0.4, web-form +0.2, campaign −0.2, outbound −0.9, other −0.4
 *   authority: economic-buyer +1.0, decision-maker +0.8, influencer 0, user −0.8, unknown −0.4
 *   budget:    approved +0.8, indicative +0.2, none −1.0, unknown −0.2
 *   timeline:  now +0.6, this-quarter +0.4, next-quarter 0, this-year −0.3, later −0.9, unknown −0.2
 *   P(won) = 1 / (1 + e^(−logit))
 * </pre>
 * Leads older than 45 days are closed four times in five: won ones are converted with a deal in "New business" closed
 * won; lost ones are converted with a deal closed lost (45 %) or disqualified with a reason (55 %). A converted
 * lead's deal that would close after today is still open (its outcome is open too). The rest are open: new, working,
 * nurturing or qualified. Converted leads get a new contact (the lead's person) in their account.
 */
public final class DemoLeadGenerator {
    static final String[] SOURCES = {"web-form", "campaign", "trade-show", "partner-referral", "outbound", "other"};
    private static final double[] SOURCE_WEIGHTS = {0.30, 0.22, 0.14, 0.10, 0.19, 0.05};
    private static final double[] SOURCE_LOGIT = {0.2, -0.2, 0.4, 1.4, -0.9, -0.4};
    private static final String[] AUTHORITIES = {"user", "influencer", "decision-maker", "economic-buyer", null};
    private static final double[] AUTHORITY_WEIGHTS = {0.25, 0.30, 0.22, 0.10, 0.13};
    private static final double[] AUTHORITY_LOGIT = {-0.8, 0.0, 0.8, 1.0, -0.4};
    private static final String[] BUDGETS = {"none", "indicative", "approved", null};
    private static final double[] BUDGET_WEIGHTS = {0.25, 0.35, 0.20, 0.20};
    private static final double[] BUDGET_LOGIT = {-1.0, 0.2, 0.8, -0.2};
    private static final String[] TIMELINES = {"now", "this-quarter", "next-quarter", "this-year", "later", null};
    private static final double[] TIMELINE_WEIGHTS = {0.10, 0.20, 0.20, 0.20, 0.15, 0.15};
    private static final double[] TIMELINE_LOGIT = {0.6, 0.4, 0.0, -0.3, -0.9, -0.2};
    private static final String[] CAMPAIGNS = {"Spring webinar series", "RevOps ebook", "Retargeting EMEA",
            "Year-end offer"};
    private static final String[] SHOWS = {"Hannover Messe", "Web Summit", "SaaStr Annual"};
    private static final String[] PARTNERS = {"Northwind Consulting", "Contoso Partners", "Fabrikam Resellers"};
    private static final String[] NEEDS = {"Replace spreadsheets for pipeline reviews", "Forecast accuracy",
            "Territory planning for a new region", "Consolidate two CRMs after an acquisition"};
    static final String[] DISQUALIFIED_REASONS = {"No budget", "No authority", "Bad timing", "Chose a competitor",
            "Unresponsive", "Not a fit"};
    private static final String[] FIRST = {"Mira", "Jonas", "Priya", "Tomás", "Aiko", "Lena", "Omar", "Grace",
            "Felix", "Nadia", "Ravi", "Elena", "Kofi", "Sara", "Hugo", "Yuki"};
    private static final String[] LAST = {"Novak", "Schmidt", "Patel", "García", "Tanaka", "Berg", "Haddad", "Okafor",
            "Rossi", "Kowalski", "Iyer", "Costa", "Mensah", "Lind", "Moreau", "Sato"};
    private static final String[] TITLES = {"Head of Sales Operations", "CFO", "VP Sales", "RevOps Analyst",
            "IT Director", "Sales Manager", "COO", "Procurement Lead"};

    public record LeadRow(UUID id, String firstName, String lastName, String email, String phone, String title,
                          String company, String companyDomain, String industry, int employeeCount,
                          BigDecimal annualRevenue, String country, String region, String city, String postalCode,
                          String source, String campaign, String partner, BigDecimal budgetAmount,
                          String budgetStatus, String authority, String need, String timeline, int visits,
                          int emailOpens, int formFills, int eventsAttended, OffsetDateTime lastEngagedAt,
                          String status, String disqualifiedReason, UUID ownerId, OffsetDateTime convertedAt,
                          UUID convertedAccountId, UUID convertedContactId, UUID convertedOpportunityId,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The leads, and the contacts, deals and deal stories their conversions made. */
    public record Leads(List<LeadRow> leads, List<ContactRow> contacts, List<OpportunityRow> deals,
                        List<DealStory> stories) {
    }

    private DemoLeadGenerator() {
    }

    public static Leads generate(long seed, Dataset data, LocalDate today, int count) {
        Random random = new Random(seed * 131 + 17);
        List<UserRow> reps = data.users().stream().filter(u -> u.role().equals("rep")).toList();
        List<LeadRow> leads = new ArrayList<>(count);
        List<ContactRow> contacts = new ArrayList<>();
        List<OpportunityRow> deals = new ArrayList<>();
        List<DealStory> stories = new ArrayList<>();
        for (int i = 0; i < count && !data.accounts().isEmpty(); i++) {
            AccountRow account = data.accounts().get(random.nextInt(data.accounts().size()));
            int s = pick(random, SOURCE_WEIGHTS);
            int a = pick(random, AUTHORITY_WEIGHTS);
            int b = pick(random, BUDGET_WEIGHTS);
            int t = pick(random, TIMELINE_WEIGHTS);
            String source = SOURCES[s];
            int formFills = random.nextInt(4);
            int events = source.equals("trade-show") ? 1 + random.nextInt(2) : random.nextDouble() < 0.15 ? 1 : 0;
            double logit = -1.2 + SOURCE_LOGIT[s] + AUTHORITY_LOGIT[a] + BUDGET_LOGIT[b] + TIMELINE_LOGIT[t]
                    + (formFills >= 2 ? 0.3 : 0) + (events >= 1 ? 0.3 : 0);
            boolean winner = random.nextDouble() < 1 / (1 + Math.exp(-logit));

            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String domain = account.name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example";
            String email = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + i + "@" + domain;
            LocalDate created = today.minusDays(random.nextInt(540));
            long age = ChronoUnit.DAYS.between(created, today);
            String budgetStatus = BUDGETS[b];
            BigDecimal budget = budgetStatus == null || budgetStatus.equals("none") ? null
                    : BigDecimal.valueOf(Math.exp(random.nextGaussian() * 0.8 + Math.log(40_000)))
                    .setScale(-3, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
            UUID owner = random.nextDouble() < 0.7 ? account.ownerId() : reps.get(random.nextInt(reps.size())).id();
            String campaign = source.equals("campaign") ? CAMPAIGNS[random.nextInt(CAMPAIGNS.length)]
                    : source.equals("trade-show") ? SHOWS[random.nextInt(SHOWS.length)] : null;
            String partner = source.equals("partner-referral") ? PARTNERS[random.nextInt(PARTNERS.length)] : null;

            // the lifecycle: closed (won or lost) or open, and the day the lead's engagement ended
            String status;
            String reason = null;
            LocalDate decided = null;
            UUID contactId = null;
            UUID dealId = null;
            boolean closed = age > 45 && random.nextDouble() < 0.8;
            if (closed && (winner || random.nextDouble() < 0.45)) {
                status = "converted";
                decided = min(created.plusDays(3 + random.nextInt(28)), today.minusDays(1));
                contactId = uuid(random);
                dealId = uuid(random);
                contacts.add(new ContactRow(contactId, account.id(), first + " " + last, email,
                        "+1 555 " + String.format("%04d", random.nextInt(10_000)), TITLES[random.nextInt(TITLES.length)]));
                DealStory story = story(random, dealId, decided, today, winner);
                stories.add(story);
                int stage = story.steps().get(story.steps().size() - 1).stageIndex();
                BigDecimal amount = (budget != null ? budget : BigDecimal.valueOf(15_000))
                        .multiply(BigDecimal.valueOf(0.6 + random.nextDouble() * 0.8)).setScale(-1, RoundingMode.HALF_UP)
                        .setScale(2, RoundingMode.UNNECESSARY);
                deals.add(new OpportunityRow(dealId, account.name() + " - " + source + " lead #" + (i + 1),
                        account.id(), contactId, owner, 0, stage, amount, story.closedOn() != null ? story.closedOn()
                        : today.plusDays(10 + random.nextInt(90)), source));
            } else if (closed) {
                status = "disqualified";
                reason = budgetStatus != null && budgetStatus.equals("none") ? "No budget"
                        : a == 0 ? "No authority" : DISQUALIFIED_REASONS[2 + random.nextInt(4)];
                decided = min(created.plusDays(5 + random.nextInt(55)), today.minusDays(1));
            } else {
                status = age < 3 ? "new" : new String[] {"new", "working", "nurturing", "qualified"}[pick(random,
                        new double[] {0.35, 0.30, 0.20, 0.15})];
            }
            if (status.equals("new") && random.nextDouble() < 0.5) {
                owner = null;   // waiting in the routing queue
            }
            LocalDate engagedUntil = decided != null ? decided : today;
            long span = Math.max(1, ChronoUnit.DAYS.between(created, engagedUntil));
            OffsetDateTime lastEngaged = random.nextDouble() < 0.1 ? null
                    : DemoHistory.at(created.plusDays(span - random.nextLong(Math.min(span, 90))), 11);
            OffsetDateTime createdAt = DemoHistory.at(created, 8 + i % 9);
            OffsetDateTime convertedAt = status.equals("converted") ? DemoHistory.at(decided, 9) : null;
            leads.add(new LeadRow(uuid(random), first, last, email, "+1 555 " + String.format("%04d",
                    random.nextInt(10_000)), TITLES[random.nextInt(TITLES.length)], account.name(), domain,
                    account.industry(), account.employeeCount(), account.annualRevenue(), account.country(),
                    account.region(), account.city(), account.postalCode(), source, campaign, partner, budget,
                    budgetStatus, AUTHORITIES[a], NEEDS[random.nextInt(NEEDS.length)], TIMELINES[t],
                    random.nextInt(15), random.nextInt(20), formFills, events, lastEngaged, status, reason, owner,
                    convertedAt, convertedAt == null ? null : account.id(), contactId, dealId, createdAt,
                    decided != null ? DemoHistory.at(decided, 9) : createdAt));
        }
        return new Leads(leads, contacts, deals, stories);
    }

    /**
     * The converted lead's deal: opened on {@code opened}, walking "New business" (open stages 0–4, won 5, lost 6);
     * closed 20–120 days later when that is before today, else still open at a stage it has reached by now.
     */
    private static DealStory story(Random random, UUID dealId, LocalDate opened, LocalDate today, boolean won) {
        int open = DemoDataGenerator.OPEN_STAGES[0];
        LocalDate close = opened.plusDays(20 + random.nextInt(100));
        boolean closed = close.isBefore(today);
        int lastOpen = closed ? (won ? open - 1 : random.nextInt(open - 1)) : random.nextInt(open);
        List<Integer> path = new ArrayList<>();
        for (int stage = 0; stage <= lastOpen; stage++) {
            path.add(stage);
        }
        if (closed) {
            path.add(won ? open : open + 1);
        }
        LocalDate end = closed ? close : min(today.minusDays(random.nextInt(15)), today);
        long span = Math.max(0, ChronoUnit.DAYS.between(opened, end));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            steps.add(new Step(path.get(i), opened.plusDays(path.size() == 1 ? 0 : span * i / (path.size() - 1))));
        }
        String reason = !closed ? null : won
                ? DemoLifecycleGenerator.WIN_REASONS[random.nextInt(DemoLifecycleGenerator.WIN_REASONS.length)]
                : DemoLifecycleGenerator.LOSS_REASONS[random.nextInt(DemoLifecycleGenerator.LOSS_REASONS.length)];
        return new DealStory(dealId, opened, steps, closed ? close : null, null, reason,
                closed && !won && random.nextDouble() < 0.5 ? "Globex CRM" : null);
    }

    /** Index drawn by weight. */
    private static int pick(Random random, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
