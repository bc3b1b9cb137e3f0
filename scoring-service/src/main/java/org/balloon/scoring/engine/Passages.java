package org.balloon.scoring.engine;

/**
 * The sentences of the article ("How the US Failed to Take Down Narco-terrorism",
 * shared/seed/article.txt) that the rules rest on, quoted short and verbatim so that a rule's
 * rationale can be checked against its source.
 */
final class Passages {

    static final String DEMAND_HEART = "At the heart of the failure lies unchecked domestic demand in the United States";
    static final String SUPPLY_ALONE = "supply-side tactics alone cannot overcome economic incentives";
    static final String BILLIONS = "despite enormous resources—billions in aid, intelligence operations, interdictions, and aggressive actions";
    static final String WITHOUT_DEMAND = "without tackling demand reduction, public health alternatives, or socioeconomic drivers in producer nations";

    static final String FRAGMENT = "arresting leaders such as “El Chapo” Guzmán or conducting strikes on smuggling vessels, often fragment groups";
    static final String DECENTRALISED = "leading to more decentralized, violent entities rather than elimination";
    static final String CT_DOCTRINE = "treating cartels as insurgent or terrorist organizations misapplies counterterrorism doctrine to profit-driven criminal enterprises";
    static final String KILLED_DOZENS = "These actions have killed dozens but failed to reduce overall flows significantly";
    static final String DESIGNATIONS_2025 = "executive orders designating multiple Latin American cartels (e.g., Sinaloa, CJNG, Tren de Aragua) as FTOs in 2025";

    static final String SOVEREIGNTY = "Sovereignty constraints limit unilateral action; aggressive moves provoke diplomatic backlash, civilian harm allegations, and limited partner buy-in";
    static final String VENEZUELA = "U.S. accusations of state-linked “narco-terrorism,” have led to designations and operations but little curtailment of trafficking";
    static final String COOPERATION = "Success hinges on cooperation with source and transit countries";

    static final String BALLOON = "when one route or source is targeted, production and trafficking shift elsewhere (the so-called “balloon effect”)";
    static final String PLAN_COLOMBIA = "reduced coca cultivation temporarily but saw record highs in later years";
    static final String ADAPT = "Suppliers adapt rapidly to disruptions";

    static final String MILITARIZATION = "short-term disruptions yield long-term backlash, alienating populations and boosting recruitment or alliances with armed groups";
    static final String ERADICATION = "aggressive eradication without viable alternatives fueled resentment and insurgent funding";
    static final String CIVILIAN = "risking civilian casualties, regional instability, and accusations of violating international law";

    static final String CORRUPTION = "systemic corruption, weak institutions, and political divergences undermine efforts";
    static final String MERIDA = "despite the Mérida Initiative’s billions, cartel infiltration persists";
    static final String REFORM = "over-reliance on force without complementary development or reform";

    static final String ARMED_CONFLICT = "lethal strikes justified under “armed conflict” claims with designated groups, have faced legal scrutiny";
    static final String WAR_POWERS = "congressional pushback (e.g., failed War Powers resolutions)";
    static final String OVERREACH = "expanding tools like sanctions and force but risking overreach";

    static final String RIVALRY = "Bureaucratic rivalries (e.g., between DEA and other agencies) have historically hampered investigations";
    static final String SHIFTING = "Shifting priorities—counterterrorism eclipsing counternarcotics in some theaters—or partisan divides create inconsistencies";
    static final String POLITICAL_CHANGES = "saw record highs in later years due to shifting priorities and political changes";

    private Passages() {
    }
}
