package org.revops.territory;

import io.restassured.path.json.JsonPath;
import org.revops.support.Fixtures;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.revops.support.ApiTest.as;
import static org.revops.territory.TerritoryMap.atLeast;
import static org.revops.territory.TerritoryMap.in;

/**
 * A small map with overlapping rules and nine accounts whose territories were worked out by hand:
 * <pre>
 * GLOBAL (no rules)
 * ├─ EMEA      R1 region in EMEA, inherited
 * │  ├─ DACH      R2 country in DE, AT, CH
 * │  ├─ UKI       R3 country in GB, IE
 * │  └─ EMEA-MFG  R4 industry in Manufacturing, priority 10
 * ├─ AMER      R5 country in US, CA (not inherited)
 * │  └─ AMER-ENT  R6 employeeCount ≥ 1000
 * └─ APAC      R7 "1 AND (2 OR 3)": country JP; revenue ≥ 1e9; tier A
 * </pre>
 */
public final class TerritoryScenario {
    /** Territory code, "tie:<codes>" or null (unassigned), by account name. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("A1 DE retail", "DACH");              // DACH (depth 3) beats EMEA (depth 2)
        EXPECTED.put("A2 DE manufacturing", "EMEA-MFG");   // DACH and EMEA-MFG at depth 3: priority 10 wins
        EXPECTED.put("A3 FR retail", "EMEA");              // only the EMEA rule matches
        EXPECTED.put("A4 DE no region", null);             // DACH's own rule matches, the inherited EMEA rule does not
        EXPECTED.put("A5 US enterprise", "AMER-ENT");      // AMER-ENT (depth 3) beats AMER
        EXPECTED.put("A6 DE enterprise", "tie:AMER-ENT,DACH"); // R5 is not inherited: AMER-ENT matches anywhere
        EXPECTED.put("A7 GB manufacturing", "EMEA-MFG");   // industry matched case-insensitively, priority wins
        EXPECTED.put("A8 JP small", null);                 // criterion 1 alone does not satisfy 1 AND (2 OR 3)
        EXPECTED.put("A9 JP tier A", "APAC");
    }

    private TerritoryScenario() {
    }

    /** The territories of the map; {@link #rules} adds the rules. */
    public static TerritoryMap territories(String key, String name) {
        return TerritoryMap.create(key, name)
                .territory("GLOBAL", null, 0).territory("EMEA", "GLOBAL", 0).territory("DACH", "EMEA", 0)
                .territory("UKI", "EMEA", 0).territory("EMEA-MFG", "EMEA", 10).territory("AMER", "GLOBAL", 0)
                .territory("AMER-ENT", "AMER", 0).territory("APAC", "GLOBAL", 0);
    }

    public static TerritoryMap model(String key, String name) {
        TerritoryMap map = territories(key, name);
        rules(map, true, true);
        return map;
    }

    /** R1–R5 always; R6 on AMER-ENT only with {@code enterpriseRule}; R7 as drawn, else country JP alone. */
    public static void rules(TerritoryMap map, boolean enterpriseRule, boolean strictApac) {
        map.rule("EMEA", "R1", true, null, List.of(in("region", "EMEA")));
        map.rule("DACH", "R2", false, null, List.of(in("country", "DE", "AT", "CH")));
        map.rule("UKI", "R3", false, null, List.of(in("country", "GB", "IE")));
        map.rule("EMEA-MFG", "R4", false, null, List.of(in("industry", "Manufacturing")));
        map.rule("AMER", "R5", false, null, List.of(in("country", "US", "CA")));
        if (enterpriseRule) {
            map.rule("AMER-ENT", "R6", false, null, List.of(atLeast("employeeCount", 1000)));
        }
        if (strictApac) {
            map.rule("APAC", "R7", false, "1 AND (2 OR 3)", List.of(in("country", "JP"),
                    atLeast("annualRevenue", 1_000_000_000), in("tier", "A")));
        } else {
            map.rule("APAC", "R7", false, null, List.of(in("country", "JP")));
        }
    }

    /** The nine accounts, created through the API; account name → id. */
    static Map<String, String> accounts(String key) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("A1 DE retail", account(key, "A1 DE retail", "DE", "EMEA", "Retail", 50, "B", 1));
        ids.put("A2 DE manufacturing", account(key, "A2 DE manufacturing", "DE", "EMEA", "Manufacturing", 200, "B", 1));
        ids.put("A3 FR retail", account(key, "A3 FR retail", "FR", "EMEA", "Retail", 10, "B", 1));
        ids.put("A4 DE no region", account(key, "A4 DE no region", "DE", null, "Retail", 10, "B", 1));
        ids.put("A5 US enterprise", account(key, "A5 US enterprise", "US", "AMER", "Retail", 5000, "B", 1));
        ids.put("A6 DE enterprise", account(key, "A6 DE enterprise", "DE", "EMEA", "Retail", 5000, "B", 1));
        ids.put("A7 GB manufacturing", account(key, "A7 GB manufacturing", "GB", "EMEA", "manufacturing", 10, "B", 1));
        ids.put("A8 JP small", account(key, "A8 JP small", "JP", "APAC", "Retail", 10, "B", 500_000_000));
        ids.put("A9 JP tier A", account(key, "A9 JP tier A", "JP", "APAC", "Retail", 10, "A", 1));
        return ids;
    }

    private static String account(String key, String name, String country, String region, String industry,
                                  int employees, String tier, long revenue) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "country", country, "industry", industry,
                "employeeCount", employees, "tier", tier, "annualRevenue", revenue));
        if (region != null) {
            body.put("region", region);
        }
        return Fixtures.account(key, body);
    }

    /** Account name → territory code / "tie:…" / null (for every name given), from the model's assignment list. */
    static Map<String, String> assignments(String key, TerritoryMap m, Collection<String> names) {
        JsonPath page = as(key).get(m.path("/assignments?limit=500")).then().statusCode(200).extract().jsonPath();
        Map<String, String> seen = new LinkedHashMap<>();
        names.forEach(name -> seen.put(name, null));
        List<Map<String, Object>> rows = page.getList("data");
        for (Map<String, Object> row : rows) {
            String value = row.get("cause").equals("tie")
                    ? "tie:" + String.join(",", ((List<?>) row.get("tiedTerritoryIds")).stream()
                            .map(id -> m.code((String) id)).sorted().toList())
                    : (String) row.get("territoryCode");
            seen.put((String) row.get("accountName"), value);
        }
        return seen;
    }
}
