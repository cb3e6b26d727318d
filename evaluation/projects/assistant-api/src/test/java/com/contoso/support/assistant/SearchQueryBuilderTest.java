package com.contoso.support.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryBuilderTest {

    // fixture values, never sent anywhere
    private static final String FAKE_API_KEY = "00000000000000000000000000000000";
    private static final String SAMPLE_ENDPOINT = "https://example.search.windows.net";

    @Test
    void buildsFilter() {
        String filter = "category eq 'billing' and locale eq 'de-DE'";
        assertThat(filter).contains("billing");
        assertThat(FAKE_API_KEY).hasSize(32);
        assertThat(SAMPLE_ENDPOINT).endsWith("search.windows.net");
    }
}
