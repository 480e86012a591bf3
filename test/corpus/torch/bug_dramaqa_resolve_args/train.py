# Idiom seen in: liveseongho/DramaQAChallenge2020 code/train.py
# What it reproduces: the pytorch-ignite Engine whose update function backpropagates the bare multiple-choice loss and
#   steps the optimizer built by optimizer.get_optimizer(args, model).
from ignite.engine.engine import Engine, Events

from ckpt import get_model_ckpt, save_ckpt
from loss import get_loss
from optimizer import get_optimizer
from utils import prepare_batch
from config import config


def get_trainer(args, model, loss_fn, optimizer):
    def update_model(trainer, batch):
        model.train()
        optimizer.zero_grad()
        net_inputs, target = prepare_batch(args, batch, model.vocab)
        y_pred = model(**net_inputs)
        batch_size = y_pred.shape[0]
        loss, stats = loss_fn(y_pred, target)
        loss.backward()
        optimizer.step()
        return loss.item(), stats, batch_size, y_pred.detach(), target.detach()

    return Engine(update_model)


def train(args):
    args, model, iters, vocab, ckpt_available = get_model_ckpt(args)
    if ckpt_available:
        print("loaded checkpoint {}".format(args['ckpt_name']))
    loss_fn = get_loss(args, vocab)
    optimizer = get_optimizer(args, model)

    trainer = get_trainer(args, model, loss_fn, optimizer)

    @trainer.on(Events.EPOCH_COMPLETED)
    def save_epoch(engine):
        save_ckpt(args, engine.state.epoch, engine.state.output[0], model, vocab)

    trainer.run(iters['train'], max_epochs=args['max_epochs'])


if __name__ == "__main__":
    train(dict(config))
