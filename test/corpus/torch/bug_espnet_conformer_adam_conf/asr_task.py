# Idiom seen in: espnet/espnet espnet2/tasks/abs_task.py (optim_classes, AbsTask.build_optimizers)
# What it reproduces: the task class looks the optimizer class up by name in a dict and calls it with
#   model.parameters() plus the whole `optim_conf` mapping of the YAML recipe as keyword arguments.
# label-note: with conf/train_asr_conformer.yaml (optim: adam, optim_conf.weight_decay: 1.0e-6) the call is
#   torch.optim.Adam(all parameters, lr=0.002, weight_decay=1e-6): coupled L2 under Adam (WD202) on every
#   parameter, including the LayerNorm/BatchNorm weights and the Linear/Conv biases of the conformer (WD203).
#   Both are on the call line: the decay only arrives through **args.optim_conf (no weight_decay= keyword).
import argparse
from typing import List

import torch

from conformer_encoder import ConformerEncoder
from ctc import CTC
from iterators import build_iter_factory
from schedulers import WarmupLR

optim_classes = dict(
    adam=torch.optim.Adam,
    adamw=torch.optim.AdamW,
    sgd=torch.optim.SGD,
    adadelta=torch.optim.Adadelta,
    adagrad=torch.optim.Adagrad,
    rmsprop=torch.optim.RMSprop,
)
encoder_choices = dict(conformer=ConformerEncoder)
scheduler_choices = dict(warmuplr=WarmupLR)


class ESPnetASRModel(torch.nn.Module):
    def __init__(self, vocab_size, encoder, ctc_weight=1.0, lsm_weight=0.0, length_normalized_loss=False):
        super().__init__()
        self.encoder = encoder
        self.ctc = CTC(vocab_size, encoder.output_size())
        self.ctc_weight = ctc_weight

    def forward(self, speech, speech_lengths, text, text_lengths):
        enc, enc_lens = self.encoder(speech, speech_lengths)
        loss_ctc = self.ctc(enc, enc_lens, text, text_lengths)
        return loss_ctc, dict(loss_ctc=loss_ctc.detach())


class ASRTask:
    num_optimizers = 1

    @classmethod
    def build_model(cls, args: argparse.Namespace) -> ESPnetASRModel:
        encoder = encoder_choices[args.encoder](input_size=args.input_size, **args.encoder_conf)
        return ESPnetASRModel(args.vocab_size, encoder, **args.model_conf)

    @classmethod
    def build_optimizers(cls, args: argparse.Namespace, model: torch.nn.Module) -> List[torch.optim.Optimizer]:
        if cls.num_optimizers != 1:
            raise RuntimeError("build_optimizers() must be overridden if num_optimizers != 1")
        optim_class = optim_classes.get(args.optim)
        if optim_class is None:
            raise ValueError(f"must be one of {list(optim_classes)}: {args.optim}")
        optim = optim_class(model.parameters(), **args.optim_conf)  # expect: WD202, WD203
        return [optim]

    @classmethod
    def main(cls, args: argparse.Namespace):
        model = cls.build_model(args)
        optimizers = cls.build_optimizers(args, model)
        scheduler = scheduler_choices[args.scheduler](optimizers[0], **args.scheduler_conf)
        iterator = build_iter_factory(args, mode="train")
        for epoch in range(1, args.max_epoch + 1):
            model.train()
            for step, batch in enumerate(iterator.build_iter(epoch), 1):
                loss, stats = model(**batch)
                (loss / args.accum_grad).backward()
                if step % args.accum_grad == 0:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
                    for optimizer in optimizers:
                        optimizer.step()
                        optimizer.zero_grad()
                    scheduler.step()
