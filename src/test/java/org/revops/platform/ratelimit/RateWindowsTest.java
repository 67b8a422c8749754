package org.revops.platform.ratelimit;

import org.junit.jupiter.api.Test;
import org.revops.platform.ratelimit.RateWindows.Admission;
import org.revops.platform.ratelimit.RateWindows.Pending;
import org.revops.platform.ratelimit.RateWindows.Shared;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateWindowsTest {
    private static final UUID WORKSPACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID KEY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER_KEY = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Instant AT_10_00_15 = Instant.parse("2026-11-24T10:00:15Z");
    private static final Instant WINDOW = Instant.parse("2026-11-24T10:00:00Z");

    private final RateWindows windows = new RateWindows();

    @Test
    void admitsUpToTheLimitCountingDownThenRefusesUntilTheWindowEnds() {
        assertEquals(new Admission(true, 3, 2, 45), windows.admit(WORKSPACE, KEY, 3, AT_10_00_15));
        assertEquals(new Admission(true, 3, 1, 44), windows.admit(WORKSPACE, KEY, 3, AT_10_00_15.plusSeconds(1)));
        assertEquals(new Admission(true, 3, 0, 44), windows.admit(WORKSPACE, KEY, 3, AT_10_00_15.plusSeconds(1)));
        assertEquals(new Admission(false, 3, 0, 44), windows.admit(WORKSPACE, KEY, 3, AT_10_00_15.plusSeconds(1)));
        // refused requests do not count: the last second of the window still refuses, the next minute starts at zero
        assertEquals(new Admission(false, 3, 0, 1), windows.admit(WORKSPACE, KEY, 3, Instant.parse("2026-11-24T10:00:59.900Z")));
        assertEquals(new Admission(true, 3, 2, 60), windows.admit(WORKSPACE, KEY, 3, Instant.parse("2026-11-24T10:01:00Z")));
    }

    @Test
    void keysCountApart() {
        windows.admit(WORKSPACE, KEY, 1, AT_10_00_15);
        assertEquals(false, windows.admit(WORKSPACE, KEY, 1, AT_10_00_15).admitted());
        assertEquals(new Admission(true, 1, 0, 45), windows.admit(WORKSPACE, OTHER_KEY, 1, AT_10_00_15));
    }

    @Test
    void theOtherInstancesCountsLimitThisOneAfterASync() {
        for (int i = 0; i < 3; i++) {
            windows.admit(WORKSPACE, KEY, 10, AT_10_00_15);
        }
        List<Pending> sent = windows.drain(AT_10_00_15);
        assertEquals(List.of(new Pending(WORKSPACE, KEY, WINDOW, 3)), sent);
        // while the counts travel they still count here
        assertEquals(new Admission(true, 10, 6, 45), windows.admit(WORKSPACE, KEY, 10, AT_10_00_15));

        // the shared store already held 5 from other instances: 3 sent + 5 = 8, plus the one admitted meanwhile
        windows.settle(sent, List.of(new Shared(KEY, WINDOW, 8)));
        assertEquals(new Admission(true, 10, 0, 45), windows.admit(WORKSPACE, KEY, 10, AT_10_00_15));
        assertEquals(false, windows.admit(WORKSPACE, KEY, 10, AT_10_00_15).admitted());
        assertEquals(List.of(new Pending(WORKSPACE, KEY, WINDOW, 2)), windows.drain(AT_10_00_15));
    }

    @Test
    void countsTheStoreDidNotTakeAreSentAgain() {
        windows.admit(WORKSPACE, KEY, 10, AT_10_00_15);
        windows.admit(WORKSPACE, KEY, 10, AT_10_00_15);
        List<Pending> sent = windows.drain(AT_10_00_15);
        windows.restore(sent);
        assertEquals(new Admission(true, 10, 7, 45), windows.admit(WORKSPACE, KEY, 10, AT_10_00_15));
        assertEquals(List.of(new Pending(WORKSPACE, KEY, WINDOW, 3)), windows.drain(AT_10_00_15));
    }

    @Test
    void countsOfAPastWindowNeitherLimitNorTravel() {
        windows.admit(WORKSPACE, KEY, 2, AT_10_00_15);
        List<Pending> sent = windows.drain(AT_10_00_15);
        Instant nextMinute = Instant.parse("2026-11-24T10:01:05Z");
        assertEquals(new Admission(true, 2, 1, 55), windows.admit(WORKSPACE, KEY, 2, nextMinute));
        // the late answer for the old window changes nothing in the new one
        windows.settle(sent, List.of(new Shared(KEY, WINDOW, 2)));
        assertEquals(new Admission(true, 2, 0, 55), windows.admit(WORKSPACE, KEY, 2, nextMinute));
        assertEquals(List.of(new Pending(WORKSPACE, KEY, Instant.parse("2026-11-24T10:01:00Z"), 2)),
                windows.drain(nextMinute));
        // idle since: forgotten, and nothing is sent for it
        windows.settle(List.of(new Pending(WORKSPACE, KEY, Instant.parse("2026-11-24T10:01:00Z"), 2)), List.of());
        assertEquals(List.of(), windows.drain(Instant.parse("2026-11-24T10:03:00Z")));
        assertEquals(new Admission(true, 2, 1, 60), windows.admit(WORKSPACE, KEY, 2, Instant.parse("2026-11-24T10:03:00Z")));
    }
}
