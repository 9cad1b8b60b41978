package io.jointops.chemicals;

import io.jointops.platform.JointOpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChemicalServiceApplication {

    public static void main(String[] args) {
        JointOpsApplication.run(ChemicalServiceApplication.class, args);
    }
}
