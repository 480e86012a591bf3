# Idiom seen in: nilboy/tensorflow-yolo tools/train.py
# What it reproduces: the entry script reads an ini-style config file, then instantiates the dataset, net and
#   solver classes named in it; process_config and the text dataset live in modules outside this folder.
import sys
from optparse import OptionParser

from process_config import process_config
from text_dataset import TextDataSet
from yolo_tiny_net import YoloTinyNet
from yolo_solver import YoloSolver

parser = OptionParser()
parser.add_option('-c', '--conf', dest='configure', help='configure filename')
(options, args) = parser.parse_args()
if options.configure:
    conf_file = str(options.configure)
else:
    print('please specify --conf configure filename')
    sys.exit(0)

common_params, dataset_params, net_params, solver_params = process_config(conf_file)
dataset = TextDataSet(common_params, dataset_params)
net = YoloTinyNet(common_params, net_params)
solver = YoloSolver(dataset, net, common_params, solver_params)
solver.solve()
