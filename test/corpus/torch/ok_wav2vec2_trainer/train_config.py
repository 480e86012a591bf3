# Idiom seen in: CassiniHuy/wav2vec2_finetune wav2vec2/train_config.py
# What it reproduces: the TrainingArguments of a wav2vec2 CTC fine-tune: weight_decay=0.005 for the
#   Hugging Face Trainer, which itself keeps biases and LayerNorm weights out of the decay.
from transformers import TrainingArguments


def get_training_args(output_dir, epochs=30, batch_size=16):
    return TrainingArguments(
        output_dir=output_dir,
        group_by_length=True,
        per_device_train_batch_size=batch_size,
        evaluation_strategy="steps",
        num_train_epochs=epochs,
        fp16=True,
        gradient_checkpointing=True,
        save_steps=500,
        eval_steps=500,
        logging_steps=500,
        learning_rate=1e-4,
        weight_decay=0.005,
        warmup_steps=1000,
        save_total_limit=2,
    )
