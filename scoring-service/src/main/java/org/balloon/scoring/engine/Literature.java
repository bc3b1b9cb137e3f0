package org.balloon.scoring.engine;

import java.util.List;

/**
 * The studies and official records the rules of model 2026.2 rest on, beside the article. Only
 * works whose finding could be checked are listed, and only what they found: where a detail
 * (a figure, a date) could not be verified it is left out. The README lists every one with its
 * finding; a test keeps the two in step.
 */
public final class Literature {

    public static final Citation CALDERON_2015 = new Citation("calderon-2015",
            "Calderón, Robles, Díaz-Cayeros & Magaloni", 2015,
            "The Beheading of Criminal Organizations and the Dynamics of Violence in Mexico",
            "Journal of Conflict Resolution 59(8)",
            "Captures or killings of cartel leaders raised drug-trafficking violence and also homicides of the general population, with spill-over into neighbouring municipalities.");

    public static final Citation LINDO_2018 = new Citation("lindo-padilla-romo-2018",
            "Lindo & Padilla-Romo", 2018,
            "Kingpin approaches to fighting crime and community violence: Evidence from Mexico's drug war",
            "Journal of Health Economics 58",
            "Kingpin captures caused large and sustained increases in the homicide rate of the municipality of capture and smaller increases where the kingpin's organisation is present, though homicides fell in the surrounding municipalities.");

    public static final Citation DICKENSON_2014 = new Citation("dickenson-2014",
            "Dickenson", 2014,
            "The Impact of Leadership Removal on Mexican Drug Trafficking Organizations",
            "Journal of Quantitative Criminology 30(4)",
            "Leadership removals were generally followed by more drug-related murders, and killing leaders was associated with more violence than capturing them.");

    public static final Citation SIGAR_2018 = new Citation("sigar-2018",
            "Special Inspector General for Afghanistan Reconstruction (SIGAR)", 2018,
            "Counternarcotics: Lessons from the U.S. Experience in Afghanistan (SIGAR-18-52-LL)",
            "SIGAR Lessons Learned Program",
            "Alternative development programmes were often too short-term, failed to provide sustainable alternatives to poppy and sometimes even contributed to poppy production.");

    public static final Citation MANSFIELD_2019 = new Citation("mansfield-2019",
            "Mansfield", 2019,
            "The Helmand Food Zone: The Illusion of Success",
            "Afghanistan Research and Evaluation Unit (AREU), Synthesis Paper",
            "The Helmand Food Zone's wheat-for-poppy package and eradication cut poppy in the canal area while land-poor farmers moved into the former desert and grew poppy there, raising the province's capacity to produce opium.");

    public static final Citation CIA_OIG_2008 = new Citation("cia-oig-2008",
            "CIA Office of Inspector General", 2008,
            "Procedures Used in Narcotics Airbridge Denial Program in Peru, 1995-2001 (report of 25 August 2008, released 2010)",
            "Central Intelligence Agency",
            "The required intercept procedures of the Peru air bridge denial programme, halted after the April 2001 shoot-down of a missionary plane, were routinely disregarded: aircraft were shot down without proper identification or warning.");

    public static final Citation OIG_HONDURAS_2017 = new Citation("doj-state-oig-2017",
            "U.S. Department of Justice OIG & U.S. Department of State OIG", 2017,
            "A Special Joint Review of Post-Incident Responses by the Department of State and Drug Enforcement Administration to Three Deadly Force Incidents in Honduras",
            "Oversight and Review 17-02 / ESP-17-01",
            "After deadly-force incidents in the joint US-Honduran Operation Anvil (2012), the post-incident reviews by DEA and State were found inadequate and Congress was given inaccurate information.");

    public static final Citation ICJ_2013 = new Citation("icj-aerial-spraying",
            "International Court of Justice", 2013,
            "Aerial Herbicide Spraying (Ecuador v. Colombia), Order of 13 September 2013",
            "I.C.J. Reports 2013",
            "Ecuador brought Colombia's aerial herbicide spraying of coca near and across their border before the Court in 2008; the case was removed in 2013 after an agreement that created a no-spray zone.");

    public static final Citation CIENFUEGOS_2020 = new Citation("doj-fgr-2020",
            "U.S. Department of Justice & Fiscalía General de la República", 2020,
            "Joint statement on the dismissal of U.S. charges against former Mexican defence secretary Salvador Cienfuegos Zepeda (17 November 2020)",
            "U.S. Department of Justice",
            "Weeks after Cienfuegos was arrested in Los Angeles without Mexico being told, the United States dropped its charges and returned him to Mexico, citing the bilateral law-enforcement partnership.");

    public static final Citation DOYLE_2003 = new Citation("doyle-2003",
            "Doyle", 2003,
            "Operation Intercept: The Perils of Unilateralism",
            "National Security Archive, Electronic Briefing Book No. 86",
            "Operation Intercept (September-October 1969), a near shutdown of the Mexican border by inspections, was unilateral US pressure on Mexico over drugs that lasted about three weeks.");

    public static final Citation CRAIG_1980 = new Citation("craig-1980",
            "Craig", 1980,
            "Operation Intercept: The International Politics of Pressure",
            "The Review of Politics",
            "Operation Intercept was designed less to interdict drugs than to force Mexico's compliance with Washington's anti-drug campaign, and such hastily conceived unilateral programmes left lasting resentment in Mexico.");

    public static final Citation TREASURY_2025 = new Citation("treasury-2025",
            "U.S. Department of the Treasury, OFAC", 2025,
            "Treasury Sanctions Colombian President Gustavo Petro (press release, 24 October 2025)",
            "U.S. Department of the Treasury",
            "OFAC designated Colombia's sitting president, his wife, his son and his interior minister under counter-narcotics authority (E.O. 14059), weeks after Colombia was found to be failing demonstrably in its drug-control obligations.");

    /** Every work cited by a rule, in the order GET /model lists them. */
    public static final List<Citation> ALL = List.of(CALDERON_2015, LINDO_2018, DICKENSON_2014, SIGAR_2018, MANSFIELD_2019,
            CIA_OIG_2008, OIG_HONDURAS_2017, ICJ_2013, CIENFUEGOS_2020, DOYLE_2003, CRAIG_1980, TREASURY_2025);

    private Literature() {
    }
}
