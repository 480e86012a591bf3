# Idiom seen in: AIRI-Institute/nablaDFT nablaDFT/phisnet/train_ddp.py
# Idiom seen in: AIRI-Institute/nablaDFT nablaDFT/phisnet/training/parse_command_line_arguments.py
# What it reproduces: DDP training of the Hamiltonian model: parameters are split on the unwrapped module
#   (model.module): names containing "weight" (but not radial_fn / embedding) get args.weight_decay, the rest
#   (biases, radial parameters, embeddings) none; every optimizer choice sets weight_decay=0.0 at top level so
#   only the group decays apply, and an EMA of parameters is kept. Clean.
import logging
import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data.distributed import DistributedSampler

from nn_model import NeuralNetwork
from training import ExponentialMovingAverage, parse_command_line_arguments
from lookahead import Lookahead
from nablaDFT.dataset import NablaDFT

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    args = parse_command_line_arguments()

    dataset = NablaDFT("hamiltonian", "dataset_train_2k", split="train")
    model = NeuralNetwork()
    use_gpu = torch.cuda.is_available()
    if use_gpu and torch.cuda.device_count() > 1:
        dist.init_process_group(backend="nccl", init_method="env://")
        args.local_rank = int(os.environ["LOCAL_RANK"])
        model.cuda(args.local_rank)
        model = DDP(model, device_ids=[args.local_rank], output_device=args.local_rank,
                    find_unused_parameters=True)
        module = model.module
        sampler = DistributedSampler(dataset)
    else:
        module = model
        sampler = None

    train_data_loader = torch.utils.data.DataLoader(dataset, batch_size=args.train_batch_size,
                                                    sampler=sampler, collate_fn=dataset.collate_fn)

    if args.use_parameter_averaging:
        exponential_moving_average = ExponentialMovingAverage(module, decay=args.ema_decay,
                                                              start_epoch=args.ema_start_epoch)
    else:
        exponential_moving_average = None

    # build list of parameters to optimize (with or without weight decay)
    parameters = []
    weight_decay_parameters = []
    for name, param in module.named_parameters():
        if "weight" in name and "radial_fn" not in name and "embedding" not in name:
            weight_decay_parameters.append(param)
        else:
            parameters.append(param)

    parameter_list = [
        {"params": parameters},
        {"params": weight_decay_parameters, "weight_decay": float(args.weight_decay)},
    ]

    if args.optimizer == "adam":
        optimizer = torch.optim.AdamW(parameter_list, lr=args.learning_rate, eps=args.epsilon,
                                      betas=(args.beta1, args.beta2), weight_decay=0.0)
    elif args.optimizer == "amsgrad":
        optimizer = torch.optim.AdamW(parameter_list, lr=args.learning_rate, eps=args.epsilon,
                                      betas=(args.beta1, args.beta2), weight_decay=0.0, amsgrad=True)
    elif args.optimizer == "sgd":
        optimizer = torch.optim.SGD(parameter_list, lr=args.learning_rate, momentum=args.momentum,
                                    weight_decay=0.0)

    if args.lookahead_k > 0:
        optimizer = Lookahead(optimizer, k=args.lookahead_k)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=args.decay_factor,
                                                           patience=args.decay_patience)

    for epoch in range(args.max_epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        model.train()
        epoch_loss = 0.0
        for batch in train_data_loader:
            Z, R, idx_i, idx_j, H = batch
            prediction = model(Z, R, idx_i, idx_j)
            loss = torch.mean((prediction - H) ** 2)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if exponential_moving_average is not None:
                exponential_moving_average(epoch)
            epoch_loss += loss.item()
        scheduler.step(epoch_loss)
        if args.local_rank == 0:
            logging.info("epoch %d loss %.6f", epoch, epoch_loss / len(train_data_loader))
