package org.revops.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.LeadSourceDtos.CampaignFigures;
import org.revops.lead.LeadSourceDtos.ChannelFigures;
import org.revops.lead.LeadSourceDtos.LeadSourcesView;
import org.revops.opportunity.FunnelMetrics;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;
import org.revops.platform.workspace.Workspaces;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which channels and campaigns bring leads that qualify, convert and turn into won revenue (see
 * {@link LeadSourceDtos#COHORT} for every figure). One statement aggregates the cohort by channel and campaign, by
 * channel, and in total (GROUPING SETS), whatever the number of leads; ratios and averages are derived here.
 */
@ApplicationScoped
public class LeadSourceService {
    /** The default period: this many days, up to and including today (UTC). */
    public static final int DEFAULT_PERIOD_DAYS = 90;

    private final Db db;
    private final Workspaces workspaces;
    private final Clock clock;

    public LeadSourceService(Db db, Workspaces workspaces, Clock clock) {
        this.db = db;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Figures of the leads created in [from, to) (UTC days). Without {@code to} the period ends after today; without
     * {@code from} it starts {@value #DEFAULT_PERIOD_DAYS} days before its end. 422 when {@code to} is not after
     * {@code from}.
     */
    public Uni<LeadSourcesView> report(Caller caller, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock).plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_PERIOD_DAYS);
        if (!end.isAfter(start)) {
            throw ApiProblem.invalid("to", "must be after from (the period is [from, to))");
        }
        SqlPredicate visible = Visibility.readableLead(caller, "l");
        SqlBuilder sql = new SqlBuilder().append("""
                        SELECT l.source, l.campaign, grouping(l.source) AS all_sources,
                               grouping(l.campaign) AS all_campaigns,
                               count(*)::int AS leads,
                               count(*) FILTER (WHERE l.status IN ('qualified', 'converted'))::int AS qualified,
                               count(l.converted_at)::int AS converted,
                               count(*) FILTER (WHERE s.is_won)::int AS won_deals,
                               coalesce(sum(o.amount) FILTER (WHERE s.is_won), 0) AS won_revenue,
                               sum(floor(extract(epoch FROM l.converted_at - l.created_at) / 86400)) AS convert_days
                        FROM leads l
                        LEFT JOIN opportunities o
                               ON o.workspace_id = l.workspace_id AND o.id = l.converted_opportunity_id
                        LEFT JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                        WHERE l.workspace_id = ? AND l.created_at >= ? AND l.created_at < ?""",
                        caller.workspaceId(), start.atStartOfDay().atOffset(ZoneOffset.UTC),
                        end.atStartOfDay().atOffset(ZoneOffset.UTC))
                .append(" AND " + visible.sql(), visible.args())
                .append(" GROUP BY GROUPING SETS ((l.source, l.campaign), (l.source), ())");
        return workspaces.currency(caller).flatMap(currency -> db.query(sql.sql(), sql.tuple())
                .map(rows -> {
                    Map<String, Row> channels = new LinkedHashMap<>();
                    Map<String, List<CampaignFigures>> campaigns = new LinkedHashMap<>();
                    Row total = null;
                    for (Row row : rows) {
                        if (row.getInteger("all_sources") == 1) {
                            total = row;
                        } else if (row.getInteger("all_campaigns") == 1) {
                            channels.put(row.getString("source"), row);
                        } else {
                            campaigns.computeIfAbsent(row.getString("source"), k -> new ArrayList<>())
                                    .add(campaign(row));
                        }
                    }
                    List<ChannelFigures> byChannel = new ArrayList<>();
                    channels.forEach((channel, row) -> byChannel.add(channel(row, sorted(campaigns.get(channel)))));
                    byChannel.sort(Comparator.comparingInt(ChannelFigures::leads).reversed()
                            .thenComparing(ChannelFigures::channel));
                    return total == null
                            ? new LeadSourcesView(start, end, currency, byChannel, 0, 0, 0, 0, money(null), null, null)
                            : new LeadSourcesView(start, end, currency, byChannel, total.getInteger("leads"),
                            total.getInteger("qualified"), total.getInteger("converted"),
                            total.getInteger("won_deals"), money(total.getBigDecimal("won_revenue")),
                            FunnelMetrics.ratio(total.getInteger("converted"), total.getInteger("leads")),
                            days(total));
                }));
    }

    private static List<CampaignFigures> sorted(List<CampaignFigures> campaigns) {
        List<CampaignFigures> list = campaigns == null ? new ArrayList<>() : new ArrayList<>(campaigns);
        list.sort(Comparator.comparing((CampaignFigures c) -> c.campaign() == null)
                .thenComparing(Comparator.comparingInt(CampaignFigures::leads).reversed())
                .thenComparing(c -> c.campaign() == null ? "" : c.campaign()));
        return list;
    }

    private static CampaignFigures campaign(Row row) {
        return new CampaignFigures(row.getString("campaign"), row.getInteger("leads"), row.getInteger("qualified"),
                row.getInteger("converted"), row.getInteger("won_deals"), money(row.getBigDecimal("won_revenue")),
                FunnelMetrics.ratio(row.getInteger("converted"), row.getInteger("leads")), days(row));
    }

    private static ChannelFigures channel(Row row, List<CampaignFigures> campaigns) {
        return new ChannelFigures(row.getString("source"), row.getInteger("leads"), row.getInteger("qualified"),
                row.getInteger("converted"), row.getInteger("won_deals"), money(row.getBigDecimal("won_revenue")),
                FunnelMetrics.ratio(row.getInteger("converted"), row.getInteger("leads")), days(row), campaigns);
    }

    /** Average whole days to convert over the converted leads of the row. */
    private static BigDecimal days(Row row) {
        return FunnelMetrics.average(row.getBigDecimal("convert_days"), row.getInteger("converted"),
                FunnelMetrics.DAYS_SCALE);
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(FunnelMetrics.AMOUNT_SCALE, RoundingMode.HALF_UP);
    }
}
