package casebook.kernel.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.get();

    @Test
    void knowsThe1741BasicLocalGovernmentsAndThe47Prefectures() {
        assertThat(data.all().stream().filter(LocalGovernment::isBasicLocalGovernment)).hasSize(1741);
        assertThat(data.all().stream().filter(LocalGovernment::isPrefecture)).hasSize(47);
    }

    @Test
    void derivesTheBureauFromThePrefecture() {
        LocalGovernment kurume = data.municipality("402036").orElseThrow();
        assertThat(kurume.name()).isEqualTo("久留米市");
        assertThat(kurume.prefectureCode()).isEqualTo("400009");
        assertThat(data.bureauOf(kurume).code()).isEqualTo("kyushu");
        assertThat(data.bureauOf(data.municipality("182010").orElseThrow()).code()).as("福井市 is under 近畿").isEqualTo("kinki");
        assertThat(data.bureauOf(data.municipality("472018").orElseThrow()).code()).as("那覇市 is under 九州").isEqualTo("kyushu");
        assertThat(data.bureaus()).hasSize(8);
        assertThat(data.bureaus().stream().mapToInt(b -> b.prefectureCodes().size()).sum()).isEqualTo(47);
    }

    @Test
    void prefecturesAndWardsAreNotMunicipalities() {
        assertThat(data.municipality("400009")).as("福岡県").isEmpty();
        assertThat(data.municipality("011011")).as("札幌市中央区, a ward").isEmpty();
        assertThat(data.municipality("131016")).as("千代田区, a special ward").isPresent();
        assertThat(data.municipality("999999")).isEmpty();
        assertThat(data.municipality(null)).isEmpty();
    }
}
