# Idiom seen in: mmcdermott/MEDS_EIC_AR src/MEDS_EIC_AR/configs/lightning_module/optimizer/adamw.yaml
# What it reproduces: the training entry point that instantiates the optimizer factory (AdamW, weight_decay=0.01)
#   and hands it to the LightningModule, which applies it to all of self.parameters() (biases and norms included).
from functools import partial

import lightning as L
import torch
from torch.optim.lr_scheduler import LambdaLR

from MEDS_EIC_AR.training.metrics import NextCodeMetrics
from MEDS_EIC_AR.data import MEICARDataModule
from module import MEICARModule, Model

MAX_EPOCHS = 10
GPT_KWARGS = dict(
    vocab_size=4096,
    hidden_size=256,
    intermediate_size=1024,
    num_hidden_layers=4,
    num_attention_heads=4,
    max_position_embeddings=512,
)


def warmup_then_linear(num_warmup_steps: int, num_training_steps: int):
    def fn(step):
        if step < num_warmup_steps:
            return float(step) / max(1, num_warmup_steps)
        return max(0.0, float(num_training_steps - step) / max(1, num_training_steps - num_warmup_steps))

    return fn


def main():
    datamodule = MEICARDataModule(batch_size=32, max_seq_len=512)

    optimizer = partial(
        torch.optim.AdamW,
        lr=5.0e-4,
        weight_decay=0.01,
        eps=1.0e-8,
        betas=(0.9, 0.999),
        amsgrad=False,
        fused=False,
    )
    scheduler = lambda opt: LambdaLR(opt, warmup_then_linear(1000, 50_000))

    module = MEICARModule(
        model=Model(GPT_KWARGS),
        metrics=NextCodeMetrics(top_k=[1, 5, 10], vocab_size=GPT_KWARGS["vocab_size"]),
        optimizer=optimizer,
        LR_scheduler=scheduler,
    )

    trainer = L.Trainer(max_epochs=MAX_EPOCHS, gradient_clip_val=1.0, precision="bf16-mixed")
    trainer.fit(module, datamodule=datamodule)


if __name__ == "__main__":
    main()
