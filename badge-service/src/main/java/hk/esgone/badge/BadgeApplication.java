package hk.esgone.badge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BadgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BadgeApplication.class, args);
    }
}
