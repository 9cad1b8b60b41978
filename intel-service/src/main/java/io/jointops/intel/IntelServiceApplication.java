package io.jointops.intel;

import io.jointops.platform.JointOpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IntelServiceApplication {

    public static void main(String[] args) {
        JointOpsApplication.run(IntelServiceApplication.class, args);
    }
}
