# Idiom seen in: google/objax examples/classify/semi_supervised/img/fixmatch.py
# What it reproduces: objax FixMatch: the weight decay is written in the loss,
# wd = 0.5 * sum(l2(v) for k, v in model_vars.items() if k.endswith('.w')), only on conv/dense kernels,
# added as params.wd * wd to the loss that GradValues differentiates; objax Momentum has no decay of its
# own. The same term is also returned for logging, which does not take it out of the loss: clean.
import jax.numpy as jn
from absl import app, flags

import objax
from objax.zoo.wide_resnet import WideResNet
from libml.data import load_cifar10_ssl  # not part of this workspace

FLAGS = flags.FLAGS


class FixMatch(objax.Module):
    def __init__(self, nclass, lr, wd, wu, confidence, train_kimg):
        self.params = objax.util.EasyDict(lr=lr, wd=wd, wu=wu, confidence=confidence)
        self.model = WideResNet(nin=3, nclass=nclass, depth=28, width=2)
        model_vars = self.model.vars()
        self.ema = objax.optimizer.ExponentialMovingAverage(model_vars.subset(objax.TrainVar), momentum=0.999)
        self.opt = objax.optimizer.Momentum(model_vars, momentum=0.9, nesterov=True)

        def loss_function(x, u, y):
            xu = jn.concatenate([x, u.reshape((-1,) + u.shape[2:])], axis=0)
            logit = self.model(xu, training=True)
            logit_x = logit[:x.shape[0]]
            logit_weak = logit[x.shape[0]::2]
            logit_strong = logit[x.shape[0] + 1::2]

            xe = objax.functional.loss.cross_entropy_logits(logit_x, y).mean()

            pseudo_labels = objax.functional.stop_gradient(objax.functional.softmax(logit_weak))
            pseudo_mask = (pseudo_labels.max(axis=1) >= self.params.confidence).astype(logit_weak.dtype)
            xeu = objax.functional.loss.cross_entropy_logits_sparse(logit_strong, pseudo_labels.argmax(axis=1))
            xeu = (xeu * pseudo_mask).mean()

            wd = 0.5 * sum(objax.functional.loss.l2(v.value) for k, v in model_vars.items() if k.endswith('.w'))

            loss = xe + self.params.wu * xeu + self.params.wd * wd
            return loss, {'losses/xe': xe, 'losses/xeu': xeu, 'losses/wd': wd,
                          'monitors/mask': pseudo_mask.mean()}

        gv = objax.GradValues(loss_function, model_vars)

        def train_op(step, x, u, y):
            g, v = gv(x, u, y)
            fstep = step[0] / (train_kimg << 10)
            lr = self.params.lr * jn.cos(fstep * (7 * jn.pi) / (2 * 8))
            self.opt(lr, objax.functional.parallel.pmean(g))
            self.ema()
            return objax.functional.parallel.pmean({'monitors/lr': lr, **v[1]})

        self.train_op = objax.Parallel(train_op, self.vars(), reduce=lambda x: x[0])


def main(argv):
    del argv
    labeled, unlabeled, nclass = load_cifar10_ssl(FLAGS.dataset, FLAGS.batch, FLAGS.uratio)
    module = FixMatch(nclass, lr=FLAGS.lr, wd=FLAGS.wd, wu=FLAGS.wu, confidence=FLAGS.confidence,
                      train_kimg=FLAGS.train_kimg)
    step = jn.zeros(1, dtype=jn.uint32)
    with module.train_op.vars().replicate():
        for it, ((x, y), u) in enumerate(zip(labeled, unlabeled)):
            stats = module.train_op(step + it * FLAGS.batch, x, u, y)
            if it % 1024 == 0:
                print(it, {k: float(v) for k, v in stats.items()})
            if it * FLAGS.batch >= FLAGS.train_kimg << 10:
                break


if __name__ == '__main__':
    flags.DEFINE_string('dataset', 'cifar10.3@250-0', 'Data to train on.')
    flags.DEFINE_float('confidence', 0.95, 'Confidence threshold.')
    flags.DEFINE_float('lr', 0.03, 'Learning rate.')
    flags.DEFINE_float('wd', 0.0005, 'Weight decay.')
    flags.DEFINE_float('wu', 1, 'Pseudo label loss weight.')
    flags.DEFINE_integer('batch', 64, 'Batch size')
    flags.DEFINE_integer('uratio', 5, 'Unlabeled batch size ratio')
    flags.DEFINE_integer('train_kimg', 1 << 16, 'Training duration in kibi-images.')
    app.run(main)
