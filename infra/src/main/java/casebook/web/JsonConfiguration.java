package casebook.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Times of day travel as {@code HH:mm} (CONTRACT.md), the way the seeds' schedules write them; answers sent again
 * unchanged are written once ({@link EncodedAnswers}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Bean
    Jackson2ObjectMapperBuilderCustomizer timesAsHoursAndMinutes() {
        return builder -> builder.serializerByType(LocalTime.class, new LocalTimeSerializer(HH_MM))
                .deserializerByType(LocalTime.class, new LocalTimeDeserializer(HH_MM));
    }

    /**
     * After Spring Boot's own Jackson codec customizer (order 0), so that its encoder, with the same object mapper,
     * is the one replaced. 32 MB holds the worklists of all eight bureaus' ten years at a million events; 16 MB of
     * elements some 45,000 items of deadline boards (about 350 bytes of JSON each: every bureau's boards of several
     * years), with twice as many first sightings remembered.
     */
    @Bean
    @Order(1)
    CodecCustomizer keptJsonAnswers(ObjectMapper mapper) {
        EncodedAnswers answers = new EncodedAnswers(32L * 1024 * 1024, 4096);
        EncodedElements elements = new EncodedElements(16L * 1024 * 1024, 1 << 17);
        return configurer -> configurer.defaultCodecs()
                .jackson2JsonEncoder(new KeptJsonEncoder(mapper, answers, elements));
    }
}
