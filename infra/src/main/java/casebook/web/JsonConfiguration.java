package casebook.web;

import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Times of day travel as {@code HH:mm} (CONTRACT.md), the way the seeds' schedules write them. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Bean
    Jackson2ObjectMapperBuilderCustomizer timesAsHoursAndMinutes() {
        return builder -> builder.serializerByType(LocalTime.class, new LocalTimeSerializer(HH_MM))
                .deserializerByType(LocalTime.class, new LocalTimeDeserializer(HH_MM));
    }
}
