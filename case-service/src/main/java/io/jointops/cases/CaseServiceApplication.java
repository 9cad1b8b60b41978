package io.jointops.cases;

import io.jointops.platform.JointOpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaseServiceApplication {

    public static void main(String[] args) {
        JointOpsApplication.run(CaseServiceApplication.class, args);
    }
}
