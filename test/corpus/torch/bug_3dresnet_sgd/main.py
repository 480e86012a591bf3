# Idiom seen in: kenshohara/3D-ResNets-PyTorch main.py
# Idiom seen in: kenshohara/3D-ResNets-PyTorch opts.py
# What it reproduces: get_train_utils(opt, model_parameters) builds SGD(..., dampening, weight_decay=opt.weight_decay)
#   and the caller hands it all of model.parameters(): the BatchNorm3d scales/shifts get the 1e-3 decay (real repo).
import torch
from torch.nn import CrossEntropyLoss
from torch.optim import SGD, lr_scheduler

from dataset import get_training_set
from model import generate_model
from opts import parse_opts
from train import train_epoch


def get_train_utils(opt, model_parameters):
    training_data = get_training_set(opt.video_path, opt.annotation_path, opt.sample_size, opt.sample_duration)
    train_loader = torch.utils.data.DataLoader(training_data, batch_size=opt.batch_size, shuffle=True,
                                               num_workers=opt.n_threads, pin_memory=True)
    if opt.nesterov:
        dampening = 0
    else:
        dampening = opt.dampening
    optimizer = SGD(
        model_parameters,
        lr=opt.learning_rate,
        momentum=opt.momentum,
        dampening=dampening,
        weight_decay=opt.weight_decay,
        nesterov=opt.nesterov)
    scheduler = lr_scheduler.MultiStepLR(optimizer, opt.multistep_milestones)
    return train_loader, optimizer, scheduler


if __name__ == '__main__':
    opt = parse_opts()
    opt.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    torch.manual_seed(1)

    model = generate_model(opt).to(opt.device)
    criterion = CrossEntropyLoss().to(opt.device)
    train_loader, optimizer, scheduler = get_train_utils(opt, model.parameters())  # expect: WD203

    for i in range(1, opt.n_epochs + 1):
        train_epoch(i, train_loader, model, criterion, optimizer, opt.device)
        scheduler.step()
        if i % 10 == 0:
            torch.save({'epoch': i, 'state_dict': model.state_dict(),
                        'optimizer': optimizer.state_dict()}, opt.result_path / 'save_{}.pth'.format(i))
