package io.ltvcascade.model.script;

import java.util.List;

/** A block that can write its inference-mode forward pass as TorchScript, operation for operation. */
public interface ScriptableBlock {

    /**
     * Appends this block's forward pass (inference mode) to {@code script}.
     *
     * @param inputs the script variables holding the block's inputs
     * @return the script variables holding its outputs
     */
    List<String> script(ScriptBuilder script, List<String> inputs);
}
