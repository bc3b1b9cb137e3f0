package org.balloon.scoring.engine;

import static org.balloon.scoring.engine.ActionBuilder.action;

import java.time.LocalDate;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Substance;
import org.balloon.contracts.Theater;

/**
 * The actions the article names, as an analyst would enter them, and contrasts the article
 * holds up as missing (demand reduction, alternatives, reform). Field values are a plausible
 * encoding of the public record, not a claim of precise figures.
 */
public final class ArticleActions {

    private ArticleActions() {
    }

    /** "subsequent maritime strikes in the Caribbean and Pacific" (2025), here off Venezuela. */
    public static ActionBuilder maritimeStrikeOffVenezuela() {
        return action("Strike on a suspected drug vessel off Venezuela", ActionType.MILITARY_STRIKE, "VE")
                .occurredOn(LocalDate.of(2025, 9, 2)).theater(Theater.INTERNATIONAL_WATERS)
                .consent(PartnerConsent.NONE).lethal(true).fatalities(11).lead(Agency.DOD)
                .organizations("Tren de Aragua").substances(Substance.COCAINE)
                .legal(LegalBasis.ARMED_CONFLICT_CLAIM).demandShare(0.0).stage(Stage.COMPLETED);
    }

    /** The 2016 recapture of Joaquín "El Chapo" Guzmán by Mexican marines with US intelligence. */
    public static ActionBuilder elChapoCapture() {
        return action("Capture of Joaquín \"El Chapo\" Guzmán", ActionType.LEADERSHIP_TARGETING, "MX")
                .occurredOn(LocalDate.of(2016, 1, 8)).theater(Theater.LAND).consent(PartnerConsent.FULL)
                .lead(Agency.DEA).agencies(Agency.DEA).organizations("Sinaloa Cartel").substances(Substance.COCAINE)
                .legal(LegalBasis.PARTNER_REQUEST).stage(Stage.COMPLETED);
    }

    /** The 2025 executive-order designations of cartels as foreign terrorist organisations. */
    public static ActionBuilder ftoDesignations() {
        return action("FTO designation of Latin American cartels", ActionType.TERRORIST_DESIGNATION, "MX")
                .occurredOn(LocalDate.of(2025, 2, 20)).theater(Theater.FINANCIAL).consent(PartnerConsent.NOT_APPLICABLE)
                .lead(Agency.STATE).agencies(Agency.STATE, Agency.TREASURY, Agency.DOJ)
                .organizations("Sinaloa Cartel", "CJNG", "Tren de Aragua").substances(Substance.FENTANYL, Substance.COCAINE)
                .legal(LegalBasis.EXECUTIVE_ORDER).stage(Stage.COMPLETED);
    }

    /** Aerial coca eradication under Plan Colombia (launched 2000). */
    public static ActionBuilder planColombiaEradication() {
        return action("Plan Colombia aerial coca eradication", ActionType.CROP_ERADICATION, "CO")
                .occurredOn(LocalDate.of(2000, 7, 13)).theater(Theater.AIRSPACE).consent(PartnerConsent.FULL)
                .lead(Agency.STATE).agencies(Agency.STATE, Agency.DOD, Agency.DEA, Agency.USAID)
                .substances(Substance.COCAINE).livelihoods(false).demandShare(0.0).budget(1.3e9).months(72)
                .legal(LegalBasis.CONGRESSIONAL_AUTHORIZATION).stage(Stage.COMPLETED);
    }

    /** Poppy eradication in Afghanistan's opium fields. */
    public static ActionBuilder afghanPoppyEradication() {
        return action("Poppy eradication in Helmand", ActionType.CROP_ERADICATION, "AF")
                .occurredOn(LocalDate.of(2006, 4, 1)).theater(Theater.LAND).consent(PartnerConsent.PARTIAL)
                .lead(Agency.STATE).agencies(Agency.STATE, Agency.DEA, Agency.DOD).substances(Substance.OPIUM)
                .livelihoods(false).demandShare(0.0).months(8).stage(Stage.COMPLETED);
    }

    /** The Mérida Initiative's security assistance to Mexico (2008 onwards). */
    public static ActionBuilder meridaInitiative() {
        return action("Mérida Initiative", ActionType.SECURITY_ASSISTANCE, "MX")
                .occurredOn(LocalDate.of(2008, 6, 30)).theater(Theater.LAND).consent(PartnerConsent.FULL)
                .lead(Agency.STATE).agencies(Agency.STATE, Agency.USAID, Agency.DOJ, Agency.DHS)
                .budget(3.3e9).months(156).legal(LegalBasis.CONGRESSIONAL_AUTHORIZATION).stage(Stage.COMPLETED);
    }

    // ---- contrasts: what the article says is missing ----

    /** Treatment and harm reduction at home: the demand side. */
    public static ActionBuilder harmReductionAtHome() {
        return action("Naloxone and treatment expansion", ActionType.HARM_REDUCTION, "US")
                .occurredOn(LocalDate.of(2023, 3, 1)).theater(Theater.US_DOMESTIC).lead(Agency.HHS)
                .agencies(Agency.HHS, Agency.ONDCP).substances(Substance.FENTANYL).demandShare(1.0).months(36)
                .legal(LegalBasis.CONGRESSIONAL_AUTHORIZATION).stage(Stage.ONGOING);
    }

    /** Alternative development for coca growers, with the partner's consent. */
    public static ActionBuilder alternativeDevelopmentColombia() {
        return action("Crop substitution for coca growers", ActionType.ALTERNATIVE_DEVELOPMENT, "CO")
                .occurredOn(LocalDate.of(2018, 1, 15)).theater(Theater.LAND).consent(PartnerConsent.FULL)
                .lead(Agency.USAID).livelihoods(true).months(60).legal(LegalBasis.PARTNER_REQUEST).stage(Stage.ONGOING);
    }

    /** Judicial reform support in Mexico. */
    public static ActionBuilder institutionalReformMexico() {
        return action("Judicial reform support", ActionType.INSTITUTIONAL_REFORM, "MX")
                .occurredOn(LocalDate.of(2019, 1, 1)).theater(Theater.LAND).consent(PartnerConsent.FULL)
                .lead(Agency.STATE).months(48).legal(LegalBasis.TREATY).stage(Stage.ONGOING);
    }

    public static PolicyAction build(ActionBuilder b) {
        return b.build();
    }
}
