package io.jointops.intel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IntelServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntelServiceApplication.class, args);
    }
}
