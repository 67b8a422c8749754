package org.revops.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic, realistic sales workspace: the same seed and sizes give the same data, byte for byte.
 * Plain Java with no framework, so the demo seed and the benchmarks share it and it is unit-tested on its own.
 *
 * <p>Shapes: a VP over managers over reps; accounts spread over industries, regions and tiers; deal amounts
 * log-normal ({@code exp(N(ln(median), sigma))}, scaled up for tier A and down for tier C); close dates uniform over
 * the year before and after {@code today}; deals whose close date has passed are mostly closed (won or lost).
 */
public final class DemoDataGenerator {
    static final String[] INDUSTRIES = {"Software", "Manufacturing", "Retail", "Financial Services", "Healthcare",
            "Energy", "Logistics", "Telecommunications", "Education", "Media"};
    static final String[][] GEOGRAPHY = {
            {"EMEA", "DE", "Berlin"}, {"EMEA", "DE", "Munich"}, {"EMEA", "FR", "Paris"}, {"EMEA", "GB", "London"},
            {"EMEA", "NL", "Amsterdam"}, {"NA", "US", "New York"}, {"NA", "US", "Austin"},
            {"NA", "US", "San Francisco"}, {"NA", "CA", "Toronto"}, {"APAC", "JP", "Tokyo"},
            {"APAC", "AU", "Sydney"}, {"APAC", "SG", "Singapore"}, {"LATAM", "BR", "São Paulo"}};
    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
            "Frances", "Edsger", "Radia", "Tim", "Hedy", "Claude", "Katherine", "John", "Sophie", "Niklaus", "Anita",
            "Donald", "Lynn", "Bjarne", "Shafi", "James"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov",
            "Thompson", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Lamarr", "Shannon", "Johnson", "Backus",
            "Wilson", "Wirth", "Borg", "Knuth", "Conway", "Stroustrup", "Goldwasser", "Gosling"};
    private static final String[] COMPANY_A = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne",
            "Tyrell", "Cyberdyne", "Soylent", "Wonka", "Aperture", "Massive", "Vandelay", "Gringotts", "Oceanic"};
    private static final String[] COMPANY_B = {"Systems", "Industries", "Labs", "Holdings", "Group", "Partners",
            "Logistics", "Dynamics", "Networks", "Foods", "Energy", "Analytics"};
    private static final String[] SOURCES = {"web", "trade-show", "partner", "campaign", "outbound", "referral"};
    private static final String[] TITLES = {"CEO", "CFO", "CTO", "Head of Procurement", "VP Sales", "IT Director",
            "Operations Manager", "Buyer"};

    public record Sizes(int users, int accounts, int contactsPerAccount, int opportunities) {
        public static Sizes demo() {
            return new Sizes(20, 500, 2, 2000);
        }

        /** The benchmark shape: four deals per account, as in the demo. */
        public static Sizes forOpportunities(int opportunities) {
            return new Sizes(20, Math.max(1, opportunities / 4), 2, opportunities);
        }
    }

    public record UserRow(UUID id, String name, String email, String role, UUID managerId) {
    }

    public record AccountRow(UUID id, String name, String industry, int employeeCount, BigDecimal annualRevenue,
                             String country, String region, String city, String postalCode, String tier,
                             UUID ownerId) {
    }

    public record ContactRow(UUID id, UUID accountId, String name, String email, String phone, String title) {
    }

    /** {@code stageIndex} points into the pipeline's stage list (see {@link DemoSeeder}). */
    public record OpportunityRow(UUID id, String name, UUID accountId, UUID contactId, UUID ownerId, int pipeline,
                                 int stageIndex, BigDecimal amount, LocalDate closeDate, String source) {
    }

    public record Dataset(List<UserRow> users, List<AccountRow> accounts, List<ContactRow> contacts,
                          List<OpportunityRow> opportunities) {
    }

    /** Open stages per pipeline (indexes 0..open-1), then won, then lost. */
    static final int[] OPEN_STAGES = {5, 3};

    public static Dataset generate(long seed, Sizes sizes, LocalDate today) {
        Random random = new Random(seed);
        List<UserRow> users = users(random, sizes.users());
        List<UserRow> reps = users.stream().filter(u -> u.role().equals("rep")).toList();

        List<AccountRow> accounts = new ArrayList<>(sizes.accounts());
        for (int i = 0; i < sizes.accounts(); i++) {
            String[] place = GEOGRAPHY[random.nextInt(GEOGRAPHY.length)];
            String tier = random.nextDouble() < 0.15 ? "A" : random.nextDouble() < 0.45 ? "B" : "C";
            int employees = (int) Math.round(Math.exp(random.nextGaussian() * 1.4 + Math.log(tier.equals("A") ? 5000
                    : tier.equals("B") ? 800 : 120)));
            accounts.add(new AccountRow(uuid(random), COMPANY_A[random.nextInt(COMPANY_A.length)] + " "
                    + COMPANY_B[random.nextInt(COMPANY_B.length)] + " " + (i + 1),
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)], employees,
                    BigDecimal.valueOf(employees).multiply(BigDecimal.valueOf(150_000 + random.nextInt(100_000))),
                    place[1], place[0], place[2], String.format("%05d", random.nextInt(100_000)), tier,
                    reps.get(random.nextInt(reps.size())).id()));
        }

        List<ContactRow> contacts = new ArrayList<>();
        List<UUID> firstContact = new ArrayList<>();
        for (AccountRow account : accounts) {
            int count = 1 + random.nextInt(Math.max(1, sizes.contactsPerAccount() * 2 - 1));
            for (int c = 0; c < count; c++) {
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                UUID id = uuid(random);
                if (c == 0) {
                    firstContact.add(id);
                }
                contacts.add(new ContactRow(id, account.id(), name,
                        name.toLowerCase().replace(' ', '.') + "@" + account.name().toLowerCase()
                                .replaceAll("[^a-z0-9]+", "-") + ".example",
                        "+1 555 " + String.format("%04d", random.nextInt(10_000)),
                        TITLES[random.nextInt(TITLES.length)]));
            }
        }

        List<OpportunityRow> deals = new ArrayList<>(sizes.opportunities());
        for (int i = 0; i < sizes.opportunities(); i++) {
            int a = random.nextInt(accounts.size());
            AccountRow account = accounts.get(a);
            int pipeline = random.nextDouble() < 0.75 ? 0 : 1;
            LocalDate close = today.plusDays(random.nextInt(730) - 365);
            int stage;
            if (close.isBefore(today) && random.nextDouble() < 0.85) {
                stage = OPEN_STAGES[pipeline] + (random.nextDouble() < 0.35 ? 0 : 1);
            } else {
                stage = random.nextInt(OPEN_STAGES[pipeline]);
            }
            double median = account.tier().equals("A") ? 60_000 : account.tier().equals("B") ? 20_000 : 6_000;
            BigDecimal amount = BigDecimal.valueOf(Math.exp(random.nextGaussian() * 0.9 + Math.log(median)))
                    .setScale(-1, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
            UUID owner = random.nextDouble() < 0.8 ? account.ownerId() : reps.get(random.nextInt(reps.size())).id();
            deals.add(new OpportunityRow(uuid(random), account.name() + (pipeline == 0 ? " - new business #" : " - renewal #")
                    + (i + 1), account.id(), random.nextDouble() < 0.7 ? firstContact.get(a) : null, owner, pipeline,
                    stage, amount, close, SOURCES[random.nextInt(SOURCES.length)]));
        }
        return new Dataset(users, accounts, contacts, deals);
    }

    /** A VP, then managers (one per five reps), then reps spread over the managers. */
    private static List<UserRow> users(Random random, int count) {
        List<UserRow> users = new ArrayList<>();
        UserRow vp = person(random, "manager", null, 0);
        users.add(vp);
        int managers = Math.max(1, (count - 1) / 6);
        List<UserRow> managerRows = new ArrayList<>();
        for (int m = 0; m < managers; m++) {
            UserRow manager = person(random, "manager", vp.id(), users.size());
            managerRows.add(manager);
            users.add(manager);
        }
        while (users.size() < count) {
            users.add(person(random, "rep", managerRows.get(users.size() % managers).id(), users.size()));
        }
        return users;
    }

    private static UserRow person(Random random, String role, UUID managerId, int index) {
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        return new UserRow(uuid(random), name, name.toLowerCase().replace(' ', '.') + "." + index + "@demo.revops.dev",
                role, managerId);
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
