# Idiom seen in: if001/llm_train src/trainer/curitosity_trainer.py
# What it reproduces: a Trainer subclass whose compute_loss adds weighted auxiliary losses returned by
# the model (primary/secondary heads); weight decay comes only from TrainingArguments(weight_decay=0.1),
# which the Trainer applies as AdamW with biases and LayerNorm excluded. Clean.
from transformers import AutoTokenizer, Trainer, TrainingArguments

from model.curiosity import CuriosityModelForCausalLM
from dataset import build_dataset


class CuriosityTrainer(Trainer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        input_ids, attention_mask, labels = inputs["input_ids"], inputs["attention_mask"], inputs["labels"]
        outputs = model(
            input_ids=input_ids,
            attention_mask=attention_mask,
            labels=labels,
        )
        total_loss = outputs.loss + 0.1 * outputs.primary_loss + 0.05 * outputs.secondary_loss
        if return_outputs:
            return (total_loss, outputs)
        return total_loss


def main():
    tokenizer = AutoTokenizer.from_pretrained("tokenizer/ja-small")
    model = CuriosityModelForCausalLM.from_pretrained("checkpoints/base")
    args = TrainingArguments(
        output_dir="./out",
        per_device_train_batch_size=16,
        learning_rate=3e-4,
        weight_decay=0.1,
        warmup_ratio=0.01,
        lr_scheduler_type="cosine",
        max_steps=20000,
        bf16=True,
    )
    trainer = CuriosityTrainer(model=model, args=args, train_dataset=build_dataset(tokenizer))
    trainer.train()


if __name__ == "__main__":
    main()
