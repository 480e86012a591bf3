# Idiom seen in: kangzhonghua/transfer-learning-conv-ai train.py
# What it reproduces: ignite-based GPT-2 double-heads fine-tuning with transformers' AdamW(model.parameters(),
#   lr, correct_bias=True): transformers' AdamW defaults to weight_decay=0.0, so nothing is decayed and the LM +
#   multiple-choice loss is what is trained (clean).
import logging
from argparse import ArgumentParser
from pprint import pformat

import torch
from ignite.engine import Engine, Events
from ignite.contrib.handlers import PiecewiseLinear
from ignite.metrics import RunningAverage
from transformers import GPT2DoubleHeadsModel, GPT2Tokenizer, AdamW

from utils import get_dataset, make_logdir
from convai_data import get_data_loaders, add_special_tokens_

logger = logging.getLogger(__file__)

MODEL_CLASSES = {
    'gpt2': (GPT2DoubleHeadsModel, GPT2Tokenizer),
}


def train():
    parser = ArgumentParser()
    parser.add_argument("--model_type", default="gpt2", type=str)
    parser.add_argument("--dataset_path", type=str, default="")
    parser.add_argument("--model_checkpoint", type=str, default="gpt2")
    parser.add_argument("--train_batch_size", type=int, default=4)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=8)
    parser.add_argument("--lr", type=float, default=6.25e-5)
    parser.add_argument("--lm_coef", type=float, default=1.0)
    parser.add_argument("--mc_coef", type=float, default=1.0)
    parser.add_argument("--max_norm", type=float, default=1.0)
    parser.add_argument("--n_epochs", type=int, default=3)
    parser.add_argument("--device", type=str, default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()
    logger.info("Arguments: %s", pformat(args))

    model_class, tokenizer_class = MODEL_CLASSES[args.model_type.lower()]
    tokenizer = tokenizer_class.from_pretrained(args.model_checkpoint)
    model = model_class.from_pretrained(args.model_checkpoint)
    model.to(args.device)
    add_special_tokens_(model, tokenizer)
    optimizer = AdamW(model.parameters(), lr=args.lr, correct_bias=True)

    train_loader, val_loader = get_data_loaders(args, tokenizer)

    def update(engine, batch):
        model.train()
        batch = tuple(input_tensor.to(args.device) for input_tensor in batch)
        input_ids, mc_token_ids, lm_labels, mc_labels, token_type_ids = batch
        outputs = model(input_ids, token_type_ids=token_type_ids, mc_token_ids=mc_token_ids,
                        mc_labels=mc_labels, labels=lm_labels)
        lm_loss, mc_loss = outputs.loss, outputs.mc_loss
        loss = (lm_loss * args.lm_coef + mc_loss * args.mc_coef) / args.gradient_accumulation_steps
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_norm)
        if engine.state.iteration % args.gradient_accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
        return loss.item()

    trainer = Engine(update)
    scheduler = PiecewiseLinear(optimizer, "lr", [(0, args.lr), (args.n_epochs * len(train_loader), 0.0)])
    trainer.add_event_handler(Events.ITERATION_STARTED, scheduler)
    RunningAverage(output_transform=lambda x: x).attach(trainer, "loss")
    trainer.run(train_loader, max_epochs=args.n_epochs)


if __name__ == "__main__":
    train()
