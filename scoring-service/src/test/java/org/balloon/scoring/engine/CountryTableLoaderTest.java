package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountryTableLoaderTest {

    static final String HEAD = """
            # version: t-1
            # index: TI CPI 2024
            # neutral-default: 43
            # neutral-default-source: CPI 2024 global average
            iso2,country,score,source,year,note
            """;

    @Test
    void theShippedTableCitesEveryFigureAndCoversTheArticlesCountries() {
        CountryTable t = EngineFixture.COUNTRIES;
        assertThat(t.version()).isEqualTo("cpi2024-v1");
        assertThat(t.neutralDefault()).isEqualTo(43);
        assertThat(t.entries().values()).allSatisfy(e -> {
            assertThat(e.source()).isNotBlank();
            assertThat(e.year()).isEqualTo(2024);
        });
        assertThat(t.entries()).containsKeys("MX", "CO", "VE", "AF", "US", "PE", "BO", "EC", "GT", "HN");
        assertThat(t.effectiveScore("MX")).isEqualTo(26);
        assertThat(t.effectiveScore("VE")).isEqualTo(10);
        assertThat(t.known("AF")).isFalse();
        assertThat(t.effectiveScore("AF")).isEqualTo(43);
        assertThat(t.effectiveScore("KE")).isEqualTo(43);
    }

    @Test
    void unknownFiguresAreDataNotZeros() {
        CountryTable t = CountryTableLoader.parse(HEAD + "SV,El Salvador,unknown,TI CPI,2024,not verified\n");
        assertThat(t.entry("SV")).get().extracting(CountryTable.Entry::score).isNull();
        assertThat(t.describe("SV")).contains("unknown").contains("43");
    }

    @Test
    void aFigureWithoutSourceOrYearOrOutOfRangeIsRefused() {
        assertThatThrownBy(() -> CountryTableLoader.parse(HEAD + "MX,Mexico,26,,2024,\n")).hasMessageContaining("source and year");
        assertThatThrownBy(() -> CountryTableLoader.parse(HEAD + "MX,Mexico,126,TI CPI,2024,\n")).hasMessageContaining("0-100");
        assertThatThrownBy(() -> CountryTableLoader.parse(HEAD + "ZZ,Nowhere,26,TI CPI,2024,\n")).hasMessageContaining("ISO");
        assertThatThrownBy(() -> CountryTableLoader.parse(HEAD.replace("# version: t-1\n", "") + "MX,Mexico,26,TI CPI,2024,\n"))
                .hasMessageContaining("version");
    }
}
