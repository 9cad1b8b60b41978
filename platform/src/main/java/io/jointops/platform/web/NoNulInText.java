package io.jointops.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * Refuses a NUL character in any text of a request body, naming the field: PostgreSQL cannot store it in text, and no
 * shared item has a reason to carry it. Registered with the application's ObjectMapper.
 */
final class NoNulInText extends StdScalarDeserializer<String> {

    static SimpleModule module() {
        return new SimpleModule("jointops-no-nul-in-text").addDeserializer(String.class, new NoNulInText());
    }

    private NoNulInText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw JsonMappingException.from(parser, "must not contain a NUL character");
        }
        return text;
    }
}
