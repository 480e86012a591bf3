# Idiom seen in: tapir-mirror/model_finetune lora.py
# What it reproduces: a causal LM wrapped by get_peft_model(LoraConfig(bias="none")) in a helper module, then a
#   plain loop with torch.optim.AdamW(model.parameters(), weight_decay=0.01): only the LoRA matrices get
#   gradients, so the frozen biases/norms receive no decay. Clean.
from peft import LoraConfig, get_peft_model


def add_lora(model, r=8, alpha=32, dropout=0.05):
    lora_config = LoraConfig(
        r=r,  # rank
        lora_alpha=alpha,
        lora_dropout=dropout,
        bias="none",
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(model, lora_config)
    model.print_trainable_parameters()
    return model
