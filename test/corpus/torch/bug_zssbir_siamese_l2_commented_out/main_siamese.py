# Idiom seen in: Jiangtong-Li/ZS-SBIR src/main_siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/model/siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/loss/regularization.py
# What it reproduces: the real repo's bug: Siamese.forward computes the L2 weight penalty with a _Regularization
#   module and returns it in its tuple, but the training script trains on loss = loss_siamese (the
#   "+ loss_l2" is commented out) and only writes loss_l2 to TensorBoard, so the decay never acts.
import torch
from torch.optim import Adam
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

from package.model.siamese import Siamese
from package.dataset.data import Siamese_dataloader
from package.args.siamese_args import parse_config
from package.dataset.utils import make_logger


def update_lr(optimizer, lr):
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr


def train(args):
    writer = SummaryWriter()
    logger = make_logger(args.log_file)
    data = Siamese_dataloader(args.sketch_dir_train, args.image_dir_train, args.stats_file_train, args.packed_pkl)
    dataloader_train = DataLoader(dataset=data, num_workers=args.num_worker,
                                  batch_size=args.batch_size, shuffle=args.shuffle)

    logger.info('Building the model ...')
    model = Siamese(args.margin, args.loss_type, args.distance_type, batch_normalization=False,
                    from_pretrain=False, logger=logger)
    optimizer = Adam(params=model.parameters(), lr=args.lr)
    if args.gpu_id != -1:
        model.cuda(args.gpu_id)

    batch_acm = 0
    loss_siamese_acm, loss_l2_acm = 0., 0.
    for epoch in range(args.epochs):
        for sketch, image, label in dataloader_train:
            model.train()
            batch_acm += 1
            if batch_acm <= args.warmup_steps:
                update_lr(optimizer, args.lr * batch_acm / args.warmup_steps)
            sketch = sketch.cuda(args.gpu_id)
            image = image.cuda(args.gpu_id)
            label = label.float().cuda(args.gpu_id)

            optimizer.zero_grad()
            loss_siamese, sim, dis_sim, loss_l2 = model(sketch, image, label)
            loss_siamese_acm += loss_siamese.item()
            loss_l2_acm += loss_l2.item()
            writer.add_scalar('Loss/Siamese', loss_siamese.item(), batch_acm)
            writer.add_scalar('Loss/L2', loss_l2.item(), batch_acm)
            loss = loss_siamese  # + loss_l2
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()

            if batch_acm % args.print_every == 0:
                logger.info('Iter {}, Loss/siamese {:.3f}, Loss/l2 {:.3f}'.format(
                    batch_acm, loss_siamese_acm / args.print_every, loss_l2_acm / args.print_every))
                loss_siamese_acm, loss_l2_acm = 0., 0.


if __name__ == '__main__':
    args = parse_config()
    train(args)
