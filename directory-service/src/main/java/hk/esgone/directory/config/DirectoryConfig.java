package hk.esgone.directory.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

@Configuration(proxyBeanMethods = false)
class DirectoryConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The driver's own java.time codecs: dates stored in UTC whatever the server's time zone. */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }
}
