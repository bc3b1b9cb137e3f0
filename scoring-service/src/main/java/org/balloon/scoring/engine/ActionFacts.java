package org.balloon.scoring.engine;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Substance;
import org.balloon.contracts.Theater;

/**
 * An action as the rules read it: null-safe accessors where "not stated" stays distinguishable
 * from "no" (a null {@code lethalForce} is not asserted lethal; a null consent is "not stated"),
 * plus the country context of its target country.
 */
public final class ActionFacts {

    /** Types that put direct pressure on supply: people, crops, shipments, routes. */
    static final Set<ActionType> SUPPLY_COERCIVE = EnumSet.of(ActionType.MILITARY_STRIKE, ActionType.MARITIME_INTERDICTION,
            ActionType.BORDER_INTERDICTION, ActionType.CROP_ERADICATION, ActionType.LEADERSHIP_TARGETING,
            ActionType.EXTRADITION, ActionType.TERRORIST_DESIGNATION);
    /** Supply-side types that work through money, partners or intelligence rather than force. */
    static final Set<ActionType> SUPPLY_ENABLING = EnumSet.of(ActionType.FINANCIAL_SANCTIONS,
            ActionType.ANTI_MONEY_LAUNDERING, ActionType.SECURITY_ASSISTANCE, ActionType.INTELLIGENCE_SHARING);
    /** Types that work on the producer side's drivers or the politics, not on US demand. */
    static final Set<ActionType> PRODUCER_SIDE_NON_COERCIVE = EnumSet.of(ActionType.ALTERNATIVE_DEVELOPMENT,
            ActionType.INSTITUTIONAL_REFORM, ActionType.DIPLOMATIC_AGREEMENT);
    /** Types aimed at US demand: prevention, treatment, harm reduction. */
    static final Set<ActionType> DEMAND_SIDE = EnumSet.of(ActionType.DEMAND_REDUCTION, ActionType.HARM_REDUCTION);
    /** Coercive measures against a state's or group's money and standing. */
    static final Set<ActionType> FINANCIAL_COERCION = EnumSet.of(ActionType.FINANCIAL_SANCTIONS,
            ActionType.ANTI_MONEY_LAUNDERING, ActionType.TERRORIST_DESIGNATION);
    /** Types that act physically on a place: ground, waters, airspace. */
    static final Set<Theater> PHYSICAL_FOREIGN_THEATERS = EnumSet.of(Theater.LAND, Theater.TERRITORIAL_WATERS, Theater.AIRSPACE);

    private final PolicyAction action;
    private final CountryTable countries;
    private final Set<Agency> agencies;

    ActionFacts(PolicyAction action, CountryTable countries) {
        this.action = Objects.requireNonNull(action, "action");
        this.countries = Objects.requireNonNull(countries, "countries");
        Set<Agency> all = EnumSet.noneOf(Agency.class);
        if (action.leadAgency() != null) {
            all.add(action.leadAgency());
        }
        if (action.agencies() != null) {
            action.agencies().stream().filter(Objects::nonNull).forEach(all::add);
        }
        this.agencies = all;
    }

    public PolicyAction action() {
        return action;
    }

    public ActionType type() {
        return action.type();
    }

    public boolean typeIn(Set<ActionType> types) {
        return types.contains(action.type());
    }

    public boolean typeIs(ActionType... types) {
        for (ActionType t : types) {
            if (t == action.type()) {
                return true;
            }
        }
        return false;
    }

    public boolean supplySide() {
        return typeIn(SUPPLY_COERCIVE) || typeIn(SUPPLY_ENABLING);
    }

    public Theater theater() {
        return action.theater();
    }

    public String country() {
        return action.targetCountry();
    }

    /** Acts abroad: a target country other than the US and not a domestic theater. */
    public boolean foreign() {
        return !"US".equals(action.targetCountry()) && action.theater() != Theater.US_DOMESTIC;
    }

    /** Acts physically on another state's ground, waters or airspace. */
    public boolean onForeignGround() {
        return foreign() && PHYSICAL_FOREIGN_THEATERS.contains(action.theater());
    }

    /** Aimed at another state than the US, wherever it is carried out (even on US soil). */
    public boolean partnerState() {
        return !"US".equals(action.targetCountry());
    }

    /** Carried out on the US side (theater US_DOMESTIC). */
    public boolean atHome() {
        return action.theater() == Theater.US_DOMESTIC;
    }

    /** The partner state was, by the action's own account, not told beforehand (null = not stated). */
    public boolean partnerNotInformed() {
        return Boolean.FALSE.equals(action.partnerInformedBeforehand());
    }

    /** The target is a serving or former official of the partner state. */
    public boolean targetsPartnerOfficial() {
        return action.partnerOfficialTarget() == PartnerOfficialTarget.SERVING_OFFICIAL
                || action.partnerOfficialTarget() == PartnerOfficialTarget.FORMER_OFFICIAL;
    }

    public PartnerOfficialTarget partnerOfficialTarget() {
        return action.partnerOfficialTarget();
    }

    public PartnerConsent consent() {
        return action.partnerConsent();
    }

    /** Anything but full consent, including "not stated" and "not applicable". */
    public boolean lacksFullConsent() {
        return action.partnerConsent() != PartnerConsent.FULL;
    }

    public boolean lethal() {
        return Boolean.TRUE.equals(action.lethalForce());
    }

    public int fatalities() {
        return action.fatalities() == null ? 0 : action.fatalities();
    }

    public boolean civilianHarm() {
        return Boolean.TRUE.equals(action.civilianHarmReported());
    }

    /** Null when not stated. */
    public Double demandShare() {
        return action.demandSideShare();
    }

    public boolean alternativeLivelihoods() {
        return Boolean.TRUE.equals(action.alternativeLivelihoods());
    }

    public LegalBasis legalBasis() {
        return action.legalBasis();
    }

    /** No legal basis stated, or stated as none. */
    public boolean noLegalBasis() {
        return action.legalBasis() == null || action.legalBasis() == LegalBasis.NONE_STATED;
    }

    public Agency lead() {
        return action.leadAgency();
    }

    /** Lead and involved agencies together, each once. */
    public Set<Agency> agencies() {
        return agencies;
    }

    public boolean involves(Agency agency) {
        return agencies.contains(agency);
    }

    public boolean involvesAny(Agency... list) {
        for (Agency a : list) {
            if (agencies.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Null when not stated. */
    public Integer durationMonths() {
        return action.durationMonths();
    }

    public List<String> organizations() {
        return action.targetOrganizations() == null ? List.of() : action.targetOrganizations();
    }

    public Set<Substance> substances() {
        return action.substances() == null || action.substances().isEmpty() ? Set.of() : EnumSet.copyOf(action.substances());
    }

    /** Null when not stated. */
    public Double budgetUsd() {
        return action.budgetUsd();
    }

    /** An action without a stage is COMPLETED (DESIGN.md). */
    public Stage stage() {
        return action.stage() == null ? Stage.COMPLETED : action.stage();
    }

    /** The governance index figure of the target country, or the table's neutral default. */
    public int countryIndex() {
        return countries.effectiveScore(action.targetCountry());
    }

    public String countryIndexText() {
        return countries.describe(action.targetCountry());
    }

    // ---- small text helpers for evidence ----

    static String list(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    String agencyText() {
        return agencies.isEmpty() ? "none named" : list(agencies);
    }

    static String usd(double amount) {
        if (amount >= 1e9) {
            return String.format(java.util.Locale.ROOT, "$%.1f bn", amount / 1e9);
        }
        if (amount >= 1e6) {
            return String.format(java.util.Locale.ROOT, "$%.1f m", amount / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "$%.0f", amount);
    }

    static String share(double share) {
        // String.format costs about a microsecond; this runs on the hot path of every supply-side score
        return Math.round(share * 100) + "%";
    }
}
