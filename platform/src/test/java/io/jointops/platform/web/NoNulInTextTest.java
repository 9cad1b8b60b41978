package io.jointops.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoNulInTextTest {

    record Note(String title, List<String> tags) {
    }

    final ObjectMapper json = new ObjectMapper().registerModule(NoNulInText.module());

    @Test
    void aNulCharacterInAnyTextIsRefusedNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"nul\\u0000byte\",\"tags\":[]}", Note.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName()).isEqualTo("title"))
                .hasMessageContaining("must not contain a NUL character");
        assertThatThrownBy(() -> json.readValue("{\"title\":\"t\",\"tags\":[\"a\",\"b\\u0000\"]}", Note.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName()).isEqualTo("tags"));
    }

    @Test
    void otherTextIsReadAsItIs() throws Exception {
        assertThat(json.readValue("{\"title\":\"Opération \\u00e9\\t\\n\",\"tags\":[\"x\"]}", Note.class))
                .isEqualTo(new Note("Opération é\t\n", List.of("x")));
    }
}
