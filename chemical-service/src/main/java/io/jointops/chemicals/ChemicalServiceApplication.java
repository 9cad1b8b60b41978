package io.jointops.chemicals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChemicalServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChemicalServiceApplication.class, args);
    }
}
