# Idiom seen in: tugstugi/pytorch-speech-commands train_speech_commands.py
# What it reproduces: --optim picks SGD or Adam, both built on model.parameters() with the command line's
# --weight-decay (default 1e-2): decay on every BatchNorm/bias of the CNN either way, and coupled L2
# under Adam in the 'adam' branch (the real script does this).
"""Train a CNN for Google speech commands."""
import argparse
import time

import torch
from torch.utils.data import DataLoader
from torch.utils.data.sampler import WeightedRandomSampler
from torchvision.transforms import Compose
from tensorboardX import SummaryWriter
from tqdm import tqdm

import models  # model zoo of the original repo, not part of this workspace
from datasets import SpeechCommandsDataset, BackgroundNoiseDataset, CLASSES  # not part of this workspace
from transforms import LoadAudio, FixAudioLength, ToMelSpectrogram, ToTensor  # not part of this workspace

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.ArgumentDefaultsHelpFormatter)
parser.add_argument("--train-dataset", type=str, default='datasets/speech_commands/train', help='path of train dataset')
parser.add_argument("--valid-dataset", type=str, default='datasets/speech_commands/valid', help='path of validation dataset')
parser.add_argument("--batch-size", type=int, default=128, help='batch size')
parser.add_argument("--dataload-workers-nums", type=int, default=6, help='number of workers for dataloader')
parser.add_argument("--weight-decay", type=float, default=1e-2, help='weight decay')
parser.add_argument("--optim", choices=['sgd', 'adam'], default='sgd', help='choices of optimization algorithms')
parser.add_argument("--learning-rate", type=float, default=1e-4, help='learning rate for optimization')
parser.add_argument("--lr-scheduler-patience", type=int, default=5, help='plateau patience')
parser.add_argument("--lr-scheduler-gamma", type=float, default=0.1, help='learning rate is multiplied by the gamma to decrease it')
parser.add_argument("--max-epochs", type=int, default=70, help='max number of epochs')
parser.add_argument("--model", choices=models.available_models, default=models.available_models[0], help='model of NN')
args = parser.parse_args()

use_gpu = torch.cuda.is_available()
n_mels = 32

train_dataset = SpeechCommandsDataset(args.train_dataset,
                                      Compose([LoadAudio(), FixAudioLength(), ToMelSpectrogram(n_mels=n_mels),
                                               ToTensor('mel_spectrogram', 'input')]))
weights = train_dataset.make_weights_for_balanced_classes()
sampler = WeightedRandomSampler(weights, len(weights))
train_dataloader = DataLoader(train_dataset, batch_size=args.batch_size, sampler=sampler,
                              pin_memory=use_gpu, num_workers=args.dataload_workers_nums)

full_name = '%s_%s_bs%d_lr%.1e_wd%.1e' % (args.model, args.optim, args.batch_size, args.learning_rate, args.weight_decay)

model = models.create_model(model_name=args.model, num_classes=len(CLASSES), in_channels=1)
if use_gpu:
    model = torch.nn.DataParallel(model).cuda()

criterion = torch.nn.CrossEntropyLoss()

if args.optim == 'sgd':
    optimizer = torch.optim.SGD(model.parameters(), lr=args.learning_rate, momentum=0.9, weight_decay=args.weight_decay)  # expect: WD203
else:
    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)  # expect: WD202, WD203

lr_scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=args.lr_scheduler_patience,
                                                          factor=args.lr_scheduler_gamma)
writer = SummaryWriter(comment=('_speech_commands_' + full_name))
global_step = 0


def train(epoch):
    global global_step
    model.train()
    running_loss, it, correct, total = 0.0, 0, 0, 0
    pbar = tqdm(train_dataloader, unit="audios", unit_scale=train_dataloader.batch_size)
    for batch in pbar:
        inputs = torch.unsqueeze(batch['input'], 1)
        targets = batch['target']
        if use_gpu:
            inputs, targets = inputs.cuda(), targets.cuda(non_blocking=True)

        outputs = model(inputs)
        loss = criterion(outputs, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        it += 1
        global_step += 1
        running_loss += loss.item()
        pred = outputs.data.max(1, keepdim=True)[1]
        correct += pred.eq(targets.data.view_as(pred)).sum().item()
        total += targets.size(0)
        writer.add_scalar('train/loss', loss.item(), global_step)
        pbar.set_postfix({'loss': "%.05f" % (running_loss / it), 'acc': "%.02f%%" % (100 * correct / total)})
    return running_loss / it


since = time.time()
for epoch in range(args.max_epochs):
    epoch_loss = train(epoch)
    lr_scheduler.step(metrics=epoch_loss)
    torch.save(model.state_dict(), 'checkpoints/last-speech-commands-%s.pth' % full_name)
print("finished in %.0fs" % (time.time() - since))
